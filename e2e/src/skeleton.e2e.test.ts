import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import { watchCsp } from './csp'
import { SESSION_TITLE, createSession } from './createSession'
import { useWorld } from './world'

const world = useWorld()

const cardTexts = (page: Page) => page.locator('.cards .card-text').allTextContents()

async function writeCard(page: Page, text: string) {
  const box = page.getByLabel('New card')
  await box.fill(text)
  await box.press('Enter')
}

test('a facilitator creates a session, a participant joins by link, and both share one board that survives reloads', async () => {
  const facilitator = await (await world.browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
  const facilitatorCsp = await watchCsp(facilitator)
  await createSession(facilitator, world.server.url)

  const participantLink = await facilitator.getByLabel('Participant link').inputValue()
  expect(participantLink).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/)

  const participant = await (await world.browser.newContext({ viewport: { width: 1100, height: 860 } })).newPage()
  const participantCsp = await watchCsp(participant)
  await participant.goto(participantLink)
  await participant.getByLabel('Your name').fill('Aoife from Galway')
  await participant.getByLabel('Your city').fill('Galway')
  await participant.getByLabel('a pilot city').check()
  await participant.getByRole('button', { name: 'Join the session' }).click()
  await participant.getByRole('heading', { name: SESSION_TITLE }).waitFor()

  // Presence: each sees the other online.
  await facilitator.locator('.person.online', { hasText: 'Aoife from Galway' }).waitFor()
  await participant.locator('.person.online', { hasText: 'Ana Facilitator' }).waitFor()

  await writeCard(participant, 'Warm Home Hub: retrofitting support at every stage of the journey')
  await writeCard(facilitator, 'What made word of mouth work so well?')

  for (const page of [facilitator, participant]) {
    await expect.poll(() => cardTexts(page), { timeout: 5000 }).toEqual([
      'Warm Home Hub: retrofitting support at every stage of the journey',
      'What made word of mouth work so well?',
    ])
  }
  await screenshot(facilitator, 'skeleton-facilitator')
  await screenshot(participant, 'skeleton-participant')

  await Promise.all([facilitator.reload(), participant.reload()])
  for (const page of [facilitator, participant]) {
    await expect.poll(() => cardTexts(page), { timeout: 5000 }).toEqual([
      'Warm Home Hub: retrofitting support at every stage of the journey',
      'What made word of mouth work so well?',
    ])
  }
  // The participant's identity survived the reload too: still in the session, still able to write.
  expect(await participant.getByLabel('New card').isVisible()).toBe(true)
  // The app ran whole under its Content Security Policy: scripts, styles, socket.io and the board.
  expect([...facilitatorCsp.violations(), ...participantCsp.violations()]).toEqual([])
})
