import { expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { seriousViolations } from './accessibility'
import { screenshot } from './browser'
import { createSession } from './createSession'
import { joinSession } from './joinSession'
import { useWorld } from './world'

const world = useWorld()

/** Whether the element lies wholly inside the window, with nothing to scroll to reach it. */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = locator.page().viewportSize()
  if (!box || !size) return false
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
}

/** Whether the page itself can scroll (its columns may, on their own). */
const pageScrolls = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { scrollingElement: { scrollHeight: number; clientHeight: number } } }).document.scrollingElement
    return root.scrollHeight > root.clientHeight + 1
  })

/** Presses Tab up to `limit` times and returns what took focus, as "role: name". */
async function tabStops(page: Page, limit: number): Promise<string[]> {
  await page.locator('body').click({ position: { x: 1, y: 1 } })
  const stops: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    stops.push(
      await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { activeElement: { tagName: string; getAttribute(n: string): string | null; textContent: string | null } | null } }).document.activeElement
        if (!el) return ''
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''
        return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${name}`
      }),
    )
  }
  return stops
}

async function addStory(page: Page, name: string, city: string, title: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a story' })
  const before = await page.locator('.story-row').count()
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('City').fill(city)
  await form.getByLabel('Story title').fill(title)
  await form.getByRole('button', { name: 'Add to the queue' }).click()
  await expect.poll(() => page.locator('.story-row').count()).toBe(before + 1)
}

test('the console plans on one view and runs on another, with the clock, the composer and the first cards on one 1400×900 screen', async () => {
  const context = await world.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const fran = await context.newPage()
  await createSession(fran, world.server.url)

  // A session that has not started opens on the plan view: agenda, storytellers, people and links.
  const views = fran.getByRole('tablist', { name: 'Console views' })
  await expect.poll(() => views.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true')
  await fran.getByLabel('Participant link').waitFor()
  await fran.getByRole('textbox', { name: 'Stage link' }).waitFor()
  await fran.getByRole('tab', { name: /Agenda/ }).waitFor()
  expect(await seriousViolations(fran)).toEqual([])
  await screenshot(fran, 'console-plan-1400x900')

  // The session is planned to start now, so the schedule line below has something true to say.
  const nowHhmm = await fran.evaluate(() => new Date().toTimeString().slice(0, 5))
  await fran.getByLabel('Starts').fill(nowHhmm)
  await fran.getByLabel('Starts').blur()
  await fran.getByText(`${nowHhmm}–`, { exact: false }).first().waitFor()

  const participantLink = await fran.getByLabel('Participant link').inputValue()
  const radu = await (await world.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await joinSession(radu, participantLink, 'Radu', { name: 'Cluj-Napoca', kind: 'pilot' })

  await fran.getByRole('tab', { name: /Storytellers/ }).click()
  for (const [name, city, title] of [['Radu', 'Cluj-Napoca', 'Energy communities'], ['Aoife', 'Galway', 'Warm Home Hub'], ['Marta', 'Kraków', 'Heat pumps']] as const) {
    await addStory(fran, name, city, title)
  }
  await expect.poll(() => fran.locator('.story-row').count()).toBe(3)

  // Starting the first item's clock moves the console to the run view by itself.
  const now = fran.getByRole('region', { name: 'Now running' })
  await now.getByRole('heading', { name: 'Welcome and frame' }).waitFor()
  await now.getByRole('button', { name: 'Start', exact: true }).click()
  await expect.poll(() => views.getByRole('tab', { name: 'Run the session' }).getAttribute('aria-selected')).toBe('true')
  await now.getByText(/Then:\s*Recap and check-in/).waitFor()

  // Storytelling: the queue is in the run view, and its story is started from there.
  for (const heading of ['Recap and check-in', 'Storytelling: Looking back']) {
    await now.getByRole('button', { name: 'Next →' }).click()
    await now.getByRole('heading', { name: heading }).waitFor()
  }
  const queue = fran.getByRole('region', { name: 'Storyteller queue' })
  await queue.locator('.story-row').first().getByRole('button', { name: 'Start telling' }).click()
  await now.getByText('Now telling').waitFor()
  // Listeners' notes during the story land in its area, which the board shows.
  const composer = fran.getByLabel('New card')
  for (const text of ['Tenants trust a neighbour’s renovation', 'Heritage rules slow heat pumps', 'One-stop shops work']) {
    await composer.fill(text)
    await composer.press('Enter')
    await fran.locator('.cards .card', { hasText: text }).waitFor()
  }


  // Everything the facilitator runs by is on screen at once, and the page itself does not scroll.
  await screenshot(fran, 'console-run-1400x900')
  const clock = now.locator('.clock').first()
  const firstCard = fran.locator('.cards .card').first()
  for (const [what, locator] of [['item clock', clock], ['story clock', now.locator('.now-story .clock')], ['composer', composer], ['first card', firstCard], ['queue', queue.locator('.story-row').first()], ['people', fran.getByRole('region', { name: 'People' }).getByRole('heading').first()]] as const) {
    expect(`${what}: ${await inViewport(locator)}`).toBe(`${what}: true`)
  }
  expect(await pageScrolls(fran)).toBe(false)
  await expect.poll(() => now.locator('.schedule').textContent()).toMatch(/^(On|Behind|Ahead of) schedule.*, projected end \d\d:\d\d/)
  expect(await seriousViolations(fran)).toEqual([])

  // Every control is reachable from the keyboard: the views, the clock, moving on, the stage link, the composer.
  const stops = await tabStops(fran, 60)
  for (const wanted of [/^tab: Run the session/, /^button: Copy stage link/, /^button: ← Previous/, /^button: Start Q&A/, /^textarea: New card|New card/]) {
    expect(stops.some((s) => wanted.test(s)), `${wanted} among ${stops.join(' | ')}`).toBe(true)
  }

  // With a video call beside it, at 1280×720, the clock and the composer are still both on screen.
  await fran.setViewportSize({ width: 1280, height: 720 })
  for (const [what, locator] of [['item clock', clock], ['composer', composer]] as const) {
    expect(`${what}: ${await inViewport(locator)}`).toBe(`${what}: true`)
  }
  await screenshot(fran, 'console-run-1280x720')
  expect(await pageScrolls(fran)).toBe(false)

  // The plan view holds the editors; the keys of the lead still work from there.
  await views.getByRole('tab', { name: 'Plan' }).click()
  await fran.getByRole('tab', { name: /Agenda/ }).click()
  await fran.getByLabel('Title of item 1').waitFor()
  expect(await seriousViolations(fran)).toEqual([])
  await screenshot(fran, 'console-plan-1280x720')
  await fran.setViewportSize({ width: 1400, height: 900 })
  await screenshot(fran, 'console-plan-agenda-1400x900')
})
