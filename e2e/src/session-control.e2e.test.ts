import { expect, test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from './browser'
import { SESSION_TITLE, createSession } from './createSession'
import { useWorld } from './world'

const world = useWorld()

/** Seconds a clock shows: "9:58" → 598, "1:02:03" → 3723, overtime "+0:05" → -5. */
async function shownSeconds(clock: Locator): Promise<number> {
  const text = (await clock.locator('.clock-digits').textContent())?.trim() ?? ''
  const overtime = text.startsWith('+')
  const parts = text.replace('+', '').split(':').map(Number)
  if (parts.length < 2 || parts.some((n) => !Number.isFinite(n))) throw new Error(`not a clock: "${text}"`)
  const seconds = parts.reduce((sum, n) => sum * 60 + n, 0)
  return overtime ? -seconds : seconds
}


async function joinAsParticipant(page: Page, link: string): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill('Aoife from Galway')
  await page.getByLabel('Your city').fill('Galway')
  await page.getByLabel('a pilot city').check()
  await page.getByRole('button', { name: 'Join the session' }).click()
  await page.getByRole('heading', { name: SESSION_TITLE }).waitFor()
}

test('a facilitator runs a timed story that a participant and the stage view follow to the second', async () => {
  const facilitatorContext = await world.browser.newContext({ viewport: { width: 1280, height: 860 } })
  const facilitator = await facilitatorContext.newPage()
  await createSession(facilitator, world.server.url)
  const sessionId = new URL(facilitator.url()).pathname.split('/')[2]

  const participantContext = await world.browser.newContext({ viewport: { width: 1180, height: 860 } })
  const participant = await participantContext.newPage()
  await joinAsParticipant(participant, await facilitator.getByLabel('Participant link').inputValue())
  await facilitator.locator('.person.online', { hasText: 'Aoife from Galway' }).waitFor()

  // Queue Galway's story with Aoife as its storyteller, with the default slot lengths.
  await facilitator.getByRole('tab', { name: /Storytellers/ }).click()
  const addForm = facilitator.getByRole('form', { name: 'Add a story' })
  await addForm.getByLabel('Storyteller').selectOption({ label: 'Aoife from Galway (Galway)' })
  await expect.poll(() => addForm.getByLabel('City').inputValue()).toBe('Galway')
  await addForm.getByLabel('Story title').fill('Warm Home Hub')
  await expect.poll(() => addForm.getByLabel('Slot (min)').inputValue()).toBe('10')
  await addForm.getByRole('button', { name: 'Add to the queue' }).click()
  const storyRow = facilitator.locator('.story-row', { has: facilitator.getByLabel('Title of story 1') })
  await storyRow.waitFor()

  // The storyteller prepares: "Prepare my story" opens the template, which autosaves.
  await participant.getByRole('button', { name: 'Prepare my story' }).click()
  await participant.getByLabel('Milestones').fill('The Warm Home Hub opened and 400 households asked for advice.')
  await participant.getByText('All changes saved').waitFor()

  // Third agenda item: Storytelling.
  const now = facilitator.getByRole('region', { name: 'Now running' })
  await now.getByRole('button', { name: 'Next →' }).click()
  await now.getByRole('heading', { name: 'Recap and check-in' }).waitFor()
  await now.getByRole('button', { name: 'Next →' }).click()
  await now.getByRole('heading', { name: 'Storytelling: Looking back' }).waitFor()
  await participant.getByRole('heading', { name: 'Storytelling: Looking back' }).waitFor()

  await storyRow.getByRole('button', { name: 'Start telling' }).click()

  // The participant sees who is telling and a running countdown.
  const telling = participant.getByRole('region', { name: 'Now telling' })
  await telling.getByRole('heading', { name: /Aoife from Galway/ }).waitFor()
  await expect.poll(() => telling.textContent()).toContain('Galway')
  await expect.poll(() => telling.textContent()).toContain('Warm Home Hub')
  await expect.poll(() => telling.textContent()).toContain('400 households') // their own notes, while telling
  const storyClock = telling.locator('[data-clock="tell"]')
  const first = await shownSeconds(storyClock)
  expect(first).toBeGreaterThan(9 * 60)
  expect(first).toBeLessThanOrEqual(10 * 60)
  await participant.waitForTimeout(2100)
  const later = await shownSeconds(storyClock)
  expect(first - later).toBeGreaterThanOrEqual(1)
  expect(first - later).toBeLessThanOrEqual(4)

  // The stage view follows the same story.
  const stage = await facilitatorContext.newPage()
  await stage.setViewportSize({ width: 1280, height: 720 })
  await stage.goto(`${world.server.url}/s/${sessionId}/stage`)
  await stage.getByRole('heading', { name: 'Aoife from Galway' }).waitFor()
  const stageSeconds = await shownSeconds(stage.locator('[data-clock="tell"]'))
  expect(Math.abs(stageSeconds - (await shownSeconds(storyClock)))).toBeLessThanOrEqual(1)

  // A minute more, from the facilitator's story clock.
  const before = await shownSeconds(storyClock)
  await now.locator('.now-story').getByRole('button', { name: 'Add a minute' }).click()
  await expect.poll(() => shownSeconds(storyClock), { timeout: 5000 }).toBeGreaterThan(before + 30)
  const after = await shownSeconds(storyClock)
  expect(after - before).toBeGreaterThanOrEqual(50)
  expect(after - before).toBeLessThanOrEqual(70)

  await screenshot(facilitator, 'session-control-facilitator')
  await screenshot(participant, 'session-control-participant')
  await screenshot(stage, 'session-control-stage')

  // Space is the lead's shortcut for start/pause of the live clock; everyone sees it paused.
  // Click plain text first so no button has focus (Space would press a focused button instead).
  await now.getByRole('heading', { name: 'Storytelling: Looking back' }).click()
  await facilitator.keyboard.press('Space')
  await telling.getByText('Paused').waitFor()
  await stage.getByText('Paused').waitFor()

  // Offline: the participant is told, and comes back to the current state without a reload.
  await participantContext.setOffline(true)
  await participant.getByText('You are offline.').waitFor()
  await participantContext.setOffline(false)
  await participant.getByText('You are offline.').waitFor({ state: 'detached', timeout: 20_000 })
  await telling.getByText('Paused').waitFor()
  await facilitatorContext.close()
  await participantContext.close()
})

test('a co-facilitator takes the lead in one click; a facilitator changes a role and removes a person', async () => {
  const ana = await (await world.browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
  await createSession(ana, world.server.url)
  const participantLink = await ana.getByLabel('Participant link').inputValue()
  const ben = await (await world.browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
  await ben.goto(await ana.getByLabel('Facilitator link').inputValue())
  await ben.getByLabel('Your name').fill('Ben Co-facilitator')
  await ben.getByRole('button', { name: 'Join the session' }).click()
  const aoife = await (await world.browser.newContext({ viewport: { width: 1180, height: 860 } })).newPage()
  await joinAsParticipant(aoife, participantLink)

  // Ana created the session, so she leads; Ben takes over in one action and only he can drive.
  await ben.getByText('Ana Facilitator leads').waitFor()
  await ben.getByRole('button', { name: 'Take the lead' }).click()
  await ben.getByText('You lead').waitFor()
  await ana.getByText('Ben Co-facilitator leads').waitFor()
  expect(await ana.getByRole('region', { name: 'Now running' }).getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true)
  await ben.getByRole('region', { name: 'Now running' }).getByRole('button', { name: 'Next →' }).click()
  await aoife.getByRole('heading', { name: 'Recap and check-in' }).waitFor()

  // Aoife becomes an observer: her screen says so without a reload.
  await ana.getByRole('tab', { name: 'Plan' }).click()
  await ana.getByRole('tab', { name: /People/ }).click()
  await ana.getByLabel('Role of Aoife from Galway').selectOption('observer')
  await aoife.locator('.whoami', { hasText: 'Observer' }).waitFor()

  // Removed: her connection closes at once and her screen says why.
  ana.once('dialog', (dialog) => void dialog.accept())
  await ana.getByRole('row', { name: /Aoife from Galway/ }).getByRole('button', { name: 'Remove' }).click()
  await aoife.getByRole('heading', { name: 'The session refused this connection' }).waitFor()
  await ana.getByRole('row', { name: /Aoife from Galway/ }).waitFor({ state: 'detached' })
})
