import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousViolations } from './accessibility'
import { screenshot } from './browser'
import { SESSION_TITLE, createSession } from './createSession'
import { useWorld } from './world'

const world = useWorld()

/** A projector's browser: a fresh profile that never joined anything. */
async function projector(): Promise<Page> {
  return (await world.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
}

/** The clock digits' size in CSS pixels, for reading across a room. */
const digitsPx = (page: Page) => page.locator('.clock-stage .clock-digits').evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize))

test('the stage link opens the stage on a fresh device, follows the session, and stops working once replaced', async () => {
  const fran = await (await world.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
  await createSession(fran, world.server.url)
  const link = await fran.getByRole('textbox', { name: 'Stage link' }).inputValue()
  expect(link).toMatch(/\/s\/[^/]+\/stage#key=[A-Za-z0-9_-]{40,}$/)

  // A browser that never joined opens it and sees the stage at once, and keeps it on reload.
  const screen = await projector()
  await screen.goto(link)
  await screen.getByRole('heading', { name: 'Welcome and frame' }).waitFor()
  await screen.locator('.clock-stage').waitFor()
  expect(new URL(screen.url()).hash).toBe('')
  expect(await digitsPx(screen)).toBeGreaterThan(200)
  expect(await seriousViolations(screen)).toEqual([])
  await screenshot(screen, 'stage-link-1920x1080')
  await screen.reload()
  await screen.getByRole('heading', { name: 'Welcome and frame' }).waitFor()

  // It follows the facilitator, and it cannot write, join or drive.
  const now = fran.getByRole('region', { name: 'Now running' })
  await now.getByRole('button', { name: 'Next →' }).click()
  await screen.getByRole('heading', { name: 'Recap and check-in' }).waitFor()
  expect(await screen.getByLabel('New card').count()).toBe(0)
  const joined = await screen.evaluate(async (token) => (await fetch('/api/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name: 'Projector' }) })).status, new URL(link).hash.slice('#key='.length))
  expect(joined).toBe(403)

  // A replaced link goes dark on the screen showing it, and in any browser that opens it later.
  fran.once('dialog', (dialog) => void dialog.accept())
  await fran.getByRole('tab', { name: 'Plan' }).click()
  await fran.getByRole('button', { name: 'New link for the stage' }).click()
  await expect.poll(() => fran.getByRole('textbox', { name: 'Stage link' }).inputValue()).not.toBe(link)
  await screen.getByRole('heading', { name: 'This stage link no longer works' }).waitFor()
  await screen.getByText('Ask the facilitator for the current stage link.').waitFor()
  expect(await seriousViolations(screen)).toEqual([])
  await screenshot(screen, 'stage-link-replaced-1920x1080')
  const late = await projector()
  await late.goto(link)
  await late.getByRole('heading', { name: 'This stage link no longer works' }).waitFor()

  const fresh = await fran.getByRole('textbox', { name: 'Stage link' }).inputValue()
  const second = await projector()
  await second.goto(fresh)
  await second.getByRole('heading', { name: 'Recap and check-in' }).waitFor()
  await second.getByText(SESSION_TITLE).first().waitFor()
})

test('a stage view without a stage link says where to get one', async () => {
  const fran = await (await world.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
  const sessionId = await createSession(fran, world.server.url)
  const screen = await projector()
  await screen.goto(`${world.server.url}/s/${sessionId}/stage`)
  await screen.getByRole('heading', { name: 'This screen has no stage link' }).waitFor()
  await screen.getByText('Copy stage link').waitFor()
  expect(await seriousViolations(screen)).toEqual([])
})
