import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from './browser'
import { SESSION_TITLE, createSession } from './createSession'
import { useWorld } from './world'

const world = useWorld()

const RECAP_INSIGHT = 'Tenants trust a neighbour’s renovation more than any brochure'

async function openPage(width = 1400, height = 900): Promise<Page> {
  return (await world.browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage()
}

/** The organiser key the server printed once, at its first start, with the admin link. */
function printedKey(): string {
  const match = /\/admin#key=([A-Za-z0-9_-]+)/.exec(world.server.output())
  if (!match) throw new Error(`no admin link printed:\n${world.server.output()}`)
  return decodeURIComponent(match[1]!)
}

test('the facilitator ends the session, a participant sees it ended and cannot write, the organiser finds it', async () => {
  const facilitator = await openPage()
  await createSession(facilitator, world.server.url)
  const participantLink = await facilitator.getByLabel('Participant link').inputValue()

  const radu = await openPage(1280, 900)
  await radu.goto(participantLink)
  await radu.getByLabel('Your name').fill('Radu')
  await radu.getByLabel('Your city').fill('Cluj-Napoca')
  await radu.getByLabel('a pilot city').check()
  await radu.getByRole('button', { name: 'Join the session' }).click()
  await radu.getByRole('heading', { name: SESSION_TITLE }).waitFor()
  const composer = radu.getByLabel('New card')
  await composer.waitFor()

  facilitator.once('dialog', (dialog) => void dialog.accept())
  await facilitator.getByRole('button', { name: 'End session' }).click()
  await facilitator.getByRole('status', { name: 'The session has ended' }).waitFor()

  const banner = radu.getByRole('status', { name: 'The session has ended' })
  await banner.waitFor()
  expect(await banner.textContent()).toMatch(/The board is read-only now/)
  await banner.getByRole('link', { name: 'read the report' }).waitFor()
  // The composer is gone for a participant: nothing on the board can be written.
  await composer.waitFor({ state: 'detached' })
  expect(await radu.locator('.export-menu').count()).toBe(1)
  await screenshot(radu, 'archive-ended-participant')
  await screenshot(facilitator, 'archive-ended-facilitator')

  // A new person cannot join through the link any more.
  const late = await openPage(1280, 900)
  await late.goto(participantLink)
  await late.getByText('This session has ended.').waitFor()

  const organiser = await openPage(1400, 800)
  await organiser.goto(`${world.server.url}/admin#key=${encodeURIComponent(printedKey())}`)
  await organiser.getByRole('heading', { name: 'Every session on this server' }).waitFor()
  // The key leaves the address bar once read.
  expect(new URL(organiser.url()).hash).toBe('')
  const row = organiser.locator('.admin-table tbody tr', { hasText: SESSION_TITLE })
  await row.waitFor()
  expect(await row.locator('.status').textContent()).toBe('Ended')
  await organiser.getByLabel('Search by title, cluster or city').fill('decarbonising')
  await row.waitFor()
  await organiser.getByLabel('Search by title, cluster or city').fill('no such cluster anywhere')
  await row.waitFor({ state: 'detached' })
  await organiser.getByLabel('Search by title, cluster or city').fill('Cluster 4')
  await row.waitFor()
  await screenshot(organiser, 'archive-organiser')

  // After the end the facilitator still harvests: a key insight for the next round's recap.
  await facilitator.getByRole('tab', { name: /^Harvest/ }).click()
  const insightBox = facilitator.getByLabel('Write an insight into So What? Patterns and shared experiences')
  await insightBox.fill(RECAP_INSIGHT)
  await insightBox.press('Enter')
  const written = facilitator.locator('.harvest-entry', { hasText: RECAP_INSIGHT })
  await written.getByRole('button', { name: /Mark as key insight/ }).click()
  await written.getByRole('button', { name: '★ Key insight' }).waitFor()

  // New session from this one: the next round, with the recap of this one.
  await facilitator.getByRole('button', { name: 'New session from this one' }).click()
  await facilitator.getByLabel('Next round').fill('Round 3')
  await facilitator.getByRole('button', { name: 'Create', exact: true }).click()
  await facilitator.getByRole('heading', { name: `${SESSION_TITLE} – Round 3` }).waitFor()
  expect(await facilitator.getByRole('status', { name: 'The session has ended' }).count()).toBe(0)
  await facilitator.getByRole('button', { name: 'Next →' }).click()
  const recap = facilitator.getByRole('region', { name: 'Recap of the last round' })
  await recap.getByText(RECAP_INSIGHT).waitFor()
  await screenshot(facilitator, 'archive-next-round-recap')

  const stage = await facilitator.context().newPage()
  await stage.setViewportSize({ width: 1920, height: 1080 })
  await stage.goto(facilitator.url().replace(/\/?$/, '/stage'))
  await stage.getByRole('button', { name: 'Last round’s key insights' }).click()
  await stage.getByText(RECAP_INSIGHT).waitFor()
  await screenshot(stage, 'archive-stage-recap')
})
