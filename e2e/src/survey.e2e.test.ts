import path from 'node:path'
import { expect, test } from 'vitest'
import fs from 'node:fs'
import type { Download, Page } from 'playwright-core'
import { artifactsDir, screenshot } from './browser'
import { createSession } from './createSession'
import { joinSession } from './joinSession'
import { useWorld } from './world'

const world = useWorld()

async function openPage(width = 1400, height = 900): Promise<Page> {
  return (await world.browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage()
}

/** Picks a point on each statement and writes the first open question, then sends. */
async function answer(page: Page, points: string[], highlight: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Feedback survey' })
  const statements = form.locator('fieldset.likert')
  for (const [i, point] of points.entries()) await statements.nth(i).getByLabel(point, { exact: true }).check()
  await form.getByLabel('What was the highlight of the session for you?').fill(highlight)
  await form.getByRole('button', { name: 'Send my answers' }).click()
  await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
}

test('the facilitator opens the survey, participants answer, and the facilitator follows the results as a chart', async () => {
  const facilitator = await openPage()
  const sessionId = await createSession(facilitator, world.server.url)
  const participantLink = await facilitator.getByLabel('Participant link').inputValue()
  const harvesterLink = await facilitator.getByLabel('Harvester link').inputValue()
  const radu = await openPage(1280, 900)
  await joinSession(radu, participantLink, 'Radu', { name: 'Cluj-Napoca', kind: 'pilot' })
  const ilse = await openPage(1280, 900)
  await joinSession(ilse, participantLink, 'Ilse', { name: 'Limerick', kind: 'twin' })
  const hana = await openPage(1280, 900)
  await joinSession(hana, harvesterLink, 'Hana Harvester')

  // Nobody sees a survey while it is a draft.
  expect(await radu.getByRole('region', { name: 'Feedback survey' }).count()).toBe(0)
  await facilitator.getByRole('tab', { name: /Survey/ }).click()
  await facilitator.getByRole('button', { name: 'Open the survey' }).click()
  await facilitator.getByText('participants and harvesters are answering').waitFor()

  await answer(radu, ['Strongly agree', 'Agree', 'Disagree'], 'Hearing how Galway’s one-stop shop works')
  await answer(ilse, ['Agree', 'Neutral', 'Agree'], 'Templates we can reuse as a twin city')

  // Two answers: counts only, no chart and no quotes that could point at a person.
  const panel = facilitator.getByRole('region', { name: 'Facilitator console' })
  await panel.getByText('Fewer than 3 answers').waitFor()
  expect(await panel.locator('.survey-chart').count()).toBe(0)

  // A change is saved in place: still one answer from Radu.
  const raduForm = radu.getByRole('region', { name: 'Feedback survey' })
  await raduForm.locator('fieldset.likert').nth(2).getByLabel('Neutral', { exact: true }).check()
  await raduForm.getByRole('button', { name: 'Save my changes' }).click()
  await raduForm.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
  await screenshot(radu, 'survey-participant-form')

  // The harvester answers later on the survey's own page.
  await hana.goto(`${world.server.url}/s/${sessionId}/survey`)
  await answer(hana, ['Agree', 'Strongly agree', 'Neutral'], 'Seeing the patterns form live')

  const chart = panel.locator('.survey-chart')
  await chart.waitFor()
  expect(await chart.locator('[data-statement]').count()).toBe(3)
  await panel.getByText('3 of 3 agreed or strongly agreed').waitFor()
  await panel.getByText('Hearing how Galway’s one-stop shop works').waitFor()
  expect(await panel.getByText('Radu').count()).toBe(0)
  await screenshot(facilitator, 'survey-facilitator-console')
  await panel.locator('.survey-results').screenshot({ path: path.join(artifactsDir, 'survey-facilitator-results.png') })

  // Pilot and twin cities apart: the one twin answer alone is counts only.
  await panel.getByRole('radio', { name: /Twin cities/ }).click()
  await panel.getByText('Fewer than 3 answers').waitFor()

  await panel.getByRole('button', { name: 'Close the survey' }).click()
  await radu.getByText('The survey is closed. Thank you for your answers.').waitFor()
  expect(await radu.locator('fieldset.likert').count()).toBe(0)

  // The answers download as a CSV, one row each, without names.
  const [download] = await Promise.all([
    facilitator.waitForEvent('download') as Promise<Download>,
    panel.getByRole('button', { name: /Download the answers/ }).click(),
  ])
  const file = path.join(artifactsDir, 'survey-answers.csv')
  await download.saveAs(file)
  const csv = fs.readFileSync(file, 'utf8')
  expect(csv.trim().split('\r\n')).toHaveLength(4)
  expect(csv).toContain('Twin city')
  for (const name of ['Radu', 'Ilse', 'Hana']) expect(csv).not.toContain(name)

  // The Harvest Report carries the survey, its chart as inline SVG.
  const menu = facilitator.locator('.export-menu')
  await menu.locator('summary').click()
  const [report] = await Promise.all([facilitator.waitForEvent('download') as Promise<Download>, menu.getByRole('button', { name: 'HTML' }).click()])
  const html = path.join(artifactsDir, 'survey-report.html')
  await report.saveAs(html)
  const page = fs.readFileSync(html, 'utf8')
  expect(page).toContain('Feedback survey')
  expect(page).toMatch(/<svg[^>]*survey-chart/)
  expect(page).toContain('3 of 3 agreed or strongly agreed')
})
