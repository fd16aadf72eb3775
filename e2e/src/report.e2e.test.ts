import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import type { Download, Page } from 'playwright-core'
import { artifactsDir, screenshot } from './browser'
import { createSession } from './createSession'
import { watchCsp } from './csp'
import { joinSession } from './joinSession'
import { useWorld } from './world'

const world = useWorld()

const OUTCOME = 'Energy communities signed up 40 apartment blocks in the first year'
const INSIGHT = 'Neighbours who renovated first convince the rest of the block'

async function openPage(width = 1400, height = 900): Promise<Page> {
  return (await world.browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage()
}

async function join(page: Page, link: string, name: string, city?: string): Promise<void> {
  await joinSession(page, link, name, city ? { name: city, kind: 'pilot' } : undefined)
  await page.locator('.board').waitFor()
}

/** Clicks a format in the Export menu and saves what the browser downloads. */
async function exportAs(page: Page, format: string, file: string): Promise<{ path: string; name: string }> {
  const menu = page.locator('.export-menu')
  if (!(await menu.evaluate((el) => (el as unknown as { open: boolean }).open))) await menu.locator('summary').click()
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, menu.getByRole('button', { name: format, exact: true }).click()])
  const target = path.join(artifactsDir, file)
  fs.mkdirSync(artifactsDir, { recursive: true })
  await download.saveAs(target)
  return { path: target, name: download.suggestedFilename() }
}

const card = (page: Page, text: string) => page.locator('.cards .card', { hasText: text })

test('a listener writes during a story, a harvester marks a key insight, and the facilitator’s report holds both', async () => {
  const facilitator = await openPage()
  const facilitatorCsp = await watchCsp(facilitator)
  await createSession(facilitator, world.server.url)
  const participantLink = await facilitator.getByLabel('Participant link').inputValue()
  const harvesterLink = await facilitator.getByLabel('Harvester link').inputValue()
  const radu = await openPage(1280, 900)
  await join(radu, participantLink, 'Radu', 'Cluj-Napoca')
  const aoife = await openPage(1280, 900)
  await join(aoife, participantLink, 'Aoife', 'Galway')
  const hana = await openPage(1366, 900)
  await join(hana, harvesterLink, 'Hana Harvester')
  // Until the facilitator shares the report, a participant's Export menu holds their own city's learning pack only.
  await radu.locator('.export-menu summary').click()
  await radu.getByRole('button', { name: 'Our city’s learning pack – Markdown' }).waitFor()
  expect(await radu.locator('.export-menu').getByRole('button', { name: 'Markdown', exact: true }).count()).toBe(0)
  await radu.locator('.export-menu summary').click()

  // Radu's story is queued and told.
  await facilitator.locator('.person.online', { hasText: 'Radu' }).waitFor()
  await facilitator.getByRole('tab', { name: /Storytellers/ }).click()
  const addForm = facilitator.getByRole('form', { name: 'Add a story' })
  await addForm.getByLabel('Storyteller').selectOption({ label: 'Radu (Cluj-Napoca)' })
  await addForm.getByLabel('Story title').fill('Energy communities')
  await addForm.getByRole('button', { name: 'Add to the queue' }).click()
  const storyRow = facilitator.locator('.story-row', { has: facilitator.getByLabel('Title of story 1') })
  await storyRow.waitFor()
  const now = facilitator.getByRole('region', { name: 'Now running' })
  for (const heading of ['Recap and check-in', 'Storytelling: Looking back']) {
    await now.getByRole('button', { name: 'Next →' }).click()
    await now.getByRole('heading', { name: heading }).waitFor()
  }
  await storyRow.getByRole('button', { name: 'Start telling' }).click()

  // Aoife, listening from Galway, writes into Cluj-Napoca's story without choosing anything.
  const target = aoife.getByLabel('Area the card is written into')
  await expect.poll(() => target.evaluate((el) => (el as unknown as { selectedOptions: { textContent: string | null }[] }).selectedOptions[0]?.textContent ?? '')).toBe('Cluj-Napoca: Energy communities')
  const box = aoife.getByLabel('New card')
  await box.fill(OUTCOME)
  await box.press('Enter')
  await card(hana, OUTCOME).waitFor()
  await aoife.locator('.composer').screenshot({ path: path.join(artifactsDir, 'report-composer-story.png') })

  // The harvester promotes it, marks it as a key insight, and writes an insight naming Galway.
  await card(hana, OUTCOME).getByRole('button', { name: 'To harvest' }).click()
  await hana.getByRole('tab', { name: /^Harvest/ }).click()
  const entry = hana.locator('.harvest-entry', { hasText: OUTCOME })
  await entry.getByRole('button', { name: /Mark as key insight/ }).click()
  await entry.getByRole('button', { name: '★ Key insight' }).waitFor()
  expect(await entry.locator('.city-picker summary').textContent()).toContain('Cluj-Napoca')
  const insightBox = hana.getByLabel('Write an insight into So What? Patterns and shared experiences')
  await insightBox.fill(INSIGHT)
  await insightBox.press('Enter')
  const written = hana.locator('.harvest-entry', { hasText: INSIGHT })
  await written.locator('.city-picker summary').click()
  await written.getByLabel('Galway').check()
  await expect.poll(() => written.locator('.city-picker summary').textContent()).toBe('Cities: Galway')
  await screenshot(hana, 'report-harvester-marks')

  // The stage view reads the harvest back to the room, key insights first.
  const stage = await facilitator.context().newPage()
  await stage.setViewportSize({ width: 1920, height: 1080 })
  await stage.goto(facilitator.url().replace(/\/?$/, '/stage'))
  await stage.getByRole('button', { name: 'The harvest so far' }).click()
  await stage.getByRole('region', { name: 'Key insights' }).getByText(OUTCOME).waitFor()
  await stage.getByText(INSIGHT).waitFor()
  await stage.screenshot({ path: path.join(artifactsDir, 'report-stage-harvest.png') })
  await stage.close()

  // The facilitator downloads the report from the Export menu: Markdown and PDF.
  const md = await exportAs(facilitator, 'Markdown', 'report-journey.md')
  // The title's colon cannot be in a file name on every system, so it becomes a space.
  expect(md.name).toMatch(/^Harvest report - Round 2 looking back, looking ahead - \d{4}-\d{2}-\d{2}\.md$/)
  const text = fs.readFileSync(md.path, 'utf8')
  const keyInsights = text.slice(text.indexOf('## Key insights'), text.indexOf('## What?'))
  expect(keyInsights).toContain(OUTCOME)
  const what = text.slice(text.indexOf('## What?'), text.indexOf('## So What?'))
  expect(what.slice(what.indexOf('### Cluj-Napoca'))).toContain(OUTCOME)
  expect(what).not.toContain('### Galway')
  const soWhat = text.slice(text.indexOf('## So What?'), text.indexOf('## Now What?'))
  expect(soWhat).toContain(INSIGHT)
  expect(soWhat).toContain('Galway')

  const pdf = await exportAs(facilitator, 'PDF', 'report-journey.pdf')
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-']).toString('utf8')
  expect(pdfText.replace(/\s+/g, ' ')).toContain(OUTCOME)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf.path, path.join(artifactsDir, 'report-journey-page')])

  // The report page shows the same report inside the app.
  await facilitator.locator('.export-menu').getByRole('link', { name: 'Read the report' }).click()
  const frame = facilitator.frameLocator('iframe.report-frame')
  await frame.getByText(OUTCOME).first().waitFor()
  await screenshot(facilitator, 'report-page')
  // The frame inherits the app's Content Security Policy, which allows the report's own stylesheet by its hash.
  const bodyColor = await frame.locator('body').evaluate((body) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(body).color)
  expect(bodyColor).toBe('rgb(29, 36, 51)')
  expect(facilitatorCsp.violations()).toEqual([])

  // Printing the console hides the invitation links.
  await facilitator.goBack()
  await facilitator.getByRole('tab', { name: 'Plan' }).click()
  await facilitator.getByLabel('Participant link').waitFor()
  await facilitator.emulateMedia({ media: 'print' })
  expect(await facilitator.getByLabel('Participant link').isVisible()).toBe(false)
  await facilitator.emulateMedia({ media: 'screen' })

  // Shared with everyone, the participant can download it too.
  await facilitator.locator('.export-menu summary').click()
  await facilitator.getByLabel('Share the report with everyone in the session').check()
  const own = await exportAs(radu, 'Markdown', 'report-journey-participant.md')
  expect(fs.readFileSync(own.path, 'utf8')).toContain(OUTCOME)

  // Radu's city's learning pack holds what Aoife wrote during his story; the facilitator gets every pack in one zip.
  const pack = await exportAs(radu, 'Our city’s learning pack – Markdown', 'report-journey-pack.md')
  expect(pack.name).toMatch(/^Learning pack - Cluj-Napoca - /)
  const packText = fs.readFileSync(pack.path, 'utf8')
  expect(packText.slice(packText.indexOf('## What others wrote during our story'))).toContain(OUTCOME)
  await screenshot(radu, 'report-export-menu-participant')
  const zip = await exportAs(facilitator, 'All learning packs (.zip)', 'report-journey-packs.zip')
  const listing = execFileSync('unzip', ['-Z1', zip.path]).toString('utf8')
  expect(listing).toContain('Learning pack - Cluj-Napoca.docx')
  expect(listing).toContain('Learning pack - Galway.html')
})
