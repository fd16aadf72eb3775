import { expect, test } from 'vitest'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import type { Story } from '@harvest/shared'
import { seriousViolations } from './accessibility'
import fs from 'node:fs'
import path from 'node:path'
import { artifactsDir, screenshot } from './browser'
import { createSession } from './createSession'
import { facilitatorControl, type FacilitatorControl } from './facilitatorControl'
import { joinSession, type JoiningCity } from './joinSession'
import { unreachableByKeyboard } from './keyboard'
import { useWorld } from './world'

const world = useWorld()

/** The screens the issue was tried on: a laptop, a laptop beside a video call, a phone. */
const LAPTOP = { width: 1400, height: 900 }
const BESIDE_A_CALL = { width: 1280, height: 720 }
const PHONE = { width: 390, height: 844 }
/** A journey here runs axe and walks every control with Tab, which takes long on a loaded machine. */
const JOURNEY_TIMEOUT = 180_000
const TOUCH: BrowserContextOptions = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

async function openPage(options: BrowserContextOptions = { viewport: LAPTOP }): Promise<Page> {
  return (await world.browser.newContext(options)).newPage()
}

async function join(page: Page, link: string, name: string, city?: JoiningCity): Promise<void> {
  await joinSession(page, link, name, city)
  await page.locator('.board').waitFor()
}

/** A session with its facilitator's browser and a control connection beside it. */
async function newSession(): Promise<{ facilitator: Page; control: FacilitatorControl; participantLink: string }> {
  const facilitator = await openPage()
  const sessionId = await createSession(facilitator, world.server.url)
  const control = await facilitatorControl(facilitator, world.server.url, sessionId)
  return { facilitator, control, participantLink: await control.link('participant') }
}

/** Whether the whole element is on screen as the page stands, without scrolling. */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const viewport = page.viewportSize()!
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width
}

/** Shots of one view at each screen size, for a person to look at. */
async function shootAtEverySize(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [['1400', LAPTOP], ['1280', BESIDE_A_CALL], ['390', PHONE]] as const) {
    await page.setViewportSize(viewport)
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
    await page.screenshot({ path: await screenshotPath(`${name}-${size}`) })
  }
  await page.setViewportSize(LAPTOP)
}

async function screenshotPath(name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true })
  return path.join(artifactsDir, `${name}.png`)
}

const card = (page: Page, text: string) => page.locator('.cards .card', { hasText: text })
const cardOfKind = (page: Page, kind: string, text: string) =>
  page.locator('.kind-section', { has: page.locator('.kind-heading', { hasText: kind }) }).locator('.card', { hasText: text })
const kindRadio = (page: Page, kind: string) => page.getByRole('radiogroup', { name: 'Kind of this card' }).getByRole('radio', { name: new RegExp(`^${kind}`) })
const chosenKind = (page: Page) => page.locator('.kind-picker [aria-checked="true"]').evaluate((el) => (el as unknown as { firstChild: { textContent: string } }).firstChild.textContent)
const kindNames = (page: Page) => page.locator('.kind-picker [role="radio"]').evaluateAll((els) => els.map((el) => (el as unknown as { firstChild: { textContent: string } }).firstChild.textContent))

test('the kind picker keeps the chosen kind, one key means one kind all session, and it looks unlike the counts', async () => {
  const { control, participantLink } = await newSession()
  const aoife = await openPage()
  await join(aoife, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  const box = aoife.getByLabel('New card')

  // So What: Challenge comes preselected; clicking it again keeps it, and the card is filed as a challenge.
  await control.goto('Breakouts')
  await expect.poll(() => kindRadio(aoife, 'Challenge').getAttribute('aria-checked')).toBe('true')
  const soWhatOrder = await kindNames(aoife)
  await kindRadio(aoife, 'Challenge').click()
  expect(await kindRadio(aoife, 'Challenge').getAttribute('aria-checked')).toBe('true')
  await box.fill('Heritage rules slow every retrofit down')
  await box.press('Enter')
  await cardOfKind(aoife, 'Challenge', 'Heritage rules slow every retrofit down').waitFor()
  expect(await aoife.locator('.kind-count[data-kind="none"]').count()).toBe(0)

  // The phase's kinds are highlighted, not moved to the front: the W³ order stays.
  expect(soWhatOrder).toEqual(['Early outcome', 'Strategic learning', 'Challenge', 'Insight', 'Possibility', 'Blind spot', 'Idea', 'Synergy', 'Revised action', 'Risk or need', 'Unsorted'])
  expect(await kindRadio(aoife, 'Insight').getAttribute('class')).toContain('in-phase')
  expect(await kindRadio(aoife, 'Idea').getAttribute('class')).toContain('other-phase')

  // Alt+7 is Idea, pressed twice it stays Idea.
  await box.press('Alt+7')
  await box.press('Alt+7')
  await expect.poll(() => chosenKind(aoife)).toBe('Idea')
  await box.fill('Share one heritage officer across the cluster')
  await box.press('Enter')
  await cardOfKind(aoife, 'Idea', 'Share one heritage officer across the cluster').waitFor()
  // The board with cards: nothing serious for axe, every control (the cards' own too) reached by Tab.
  expect(await seriousViolations(aoife)).toEqual([])
  expect(await unreachableByKeyboard(aoife)).toEqual([])
  await shootAtEverySize(aoife, 'kind-picker-so-what')

  // Now What: Idea is preselected, the order is the same, and Alt+3 is still Challenge.
  await control.goto('Breakouts: Looking ahead')
  await expect.poll(() => chosenKind(aoife)).toBe('Idea')
  expect(await kindNames(aoife)).toEqual(soWhatOrder)
  expect(await kindRadio(aoife, 'Idea').getAttribute('class')).toContain('in-phase')
  expect(await kindRadio(aoife, 'Challenge').getAttribute('class')).toContain('other-phase')
  await box.press('Alt+3')
  await expect.poll(() => chosenKind(aoife)).toBe('Challenge')
  await box.press('Alt+1')
  await expect.poll(() => chosenKind(aoife)).toBe('Early outcome')

  // From the keyboard without Alt: the picker is one Tab stop and the arrows move the choice.
  await kindRadio(aoife, 'Early outcome').focus()
  await aoife.keyboard.press('ArrowRight')
  await expect.poll(() => chosenKind(aoife)).toBe('Strategic learning')
  await aoife.keyboard.press('End')
  await expect.poll(() => chosenKind(aoife)).toBe('Unsorted')
  await aoife.keyboard.press('ArrowRight')
  await expect.poll(() => chosenKind(aoife)).toBe('Early outcome')

  // The picker (a choice for the card being written) and the counts (a filter) look different.
  const look = (selector: string) => aoife.locator(selector).first().evaluate((el) => {
    const s = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)
    return { radius: s.borderTopLeftRadius, bottom: s.borderBottomWidth, label: '' }
  })
  const picker = await look('.kind-picker .kind-option')
  const counts = await look('.kind-bar .kind-count')
  expect(picker.radius).not.toBe(counts.radius)
  expect(picker.bottom).not.toBe(counts.bottom)
  expect(await aoife.locator('.kind-picker .picker-label').textContent()).toBe('Kind')
  expect(await aoife.locator('.kind-bar .bar-label').textContent()).toBe('Cards')
  await shootAtEverySize(aoife, 'kind-picker-now-what')
  control.close()
}, JOURNEY_TIMEOUT)

test('a listener sees the board first; a storyteller opens the template from "Prepare my story"; told stories and closed votes fold away', async () => {
  const { control, participantLink } = await newSession()
  const radu = await openPage()
  await join(radu, participantLink, 'Radu', { name: 'Cluj-Napoca', kind: 'pilot' })
  const aoife = await openPage()
  await join(aoife, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })

  // Two cities volunteer: Radu tells first, Aoife is queued for later.
  await radu.getByLabel('Working title').fill('Energy communities')
  await radu.getByRole('button', { name: 'Volunteer my city’s story' }).click()
  await radu.getByRole('region', { name: 'Your story' }).waitFor()
  await aoife.getByLabel('Working title').fill('Warm Home Hub')
  await aoife.getByRole('button', { name: 'Volunteer my city’s story' }).click()
  const mine = aoife.getByRole('region', { name: 'Your story' })
  await mine.getByRole('heading', { name: 'Your story: Warm Home Hub' }).waitFor()
  expect(await mine.textContent()).toContain('2 of 2 in the queue')

  await control.goto('Storytelling: Looking back')
  const queue = (await control.state()).control.stories as Story[]
  const radusStory = queue.find((s) => s.title === 'Energy communities')!
  await control.send('story:status', { id: radusStory.id, status: 'telling' })
  await aoife.getByRole('region', { name: 'Now telling' }).getByRole('heading', { name: /Radu/ }).waitFor()

  // Aoife listens: the template stays shut, the composer is on screen at 1400×900 without scrolling.
  expect(await aoife.getByLabel('Milestones').count()).toBe(0)
  expect(await onScreen(aoife, aoife.getByLabel('New card'))).toBe(true)
  expect(await onScreen(aoife, mine.getByRole('button', { name: 'Prepare my story' }))).toBe(true)
  // Beside a video call (1280×720) the whole composer, its kinds and its button are still on screen.
  await aoife.setViewportSize(BESIDE_A_CALL)
  expect(await onScreen(aoife, aoife.locator('.composer'))).toBe(true)
  await aoife.setViewportSize(LAPTOP)
  expect(await seriousViolations(aoife)).toEqual([])
  expect(await unreachableByKeyboard(aoife)).toEqual([])
  await shootAtEverySize(aoife, 'listener-queued-storyteller')

  // "Prepare my story" opens the template, which saves as she types, and closes again.
  await mine.getByRole('button', { name: 'Prepare my story' }).click()
  expect(await mine.getByRole('button', { name: 'Close the template' }).getAttribute('aria-expanded')).toBe('true')
  await aoife.getByLabel('Milestones').fill('The Warm Home Hub opened and 400 households asked for advice.')
  await aoife.getByText('All changes saved').waitFor()
  expect(await seriousViolations(aoife)).toEqual([])
  await shootAtEverySize(aoife, 'listener-template-open')
  await mine.getByRole('button', { name: 'Done for now' }).click()
  expect(await aoife.getByLabel('Milestones').count()).toBe(0)

  // Radu, telling, sees his story at the top; the storyteller's page passes axe as well.
  await radu.getByRole('region', { name: 'Now telling' }).getByText('You are telling').waitFor()
  expect(await radu.getByRole('region', { name: 'Your story' }).count()).toBe(0)
  expect(await seriousViolations(radu)).toEqual([])
  expect(await unreachableByKeyboard(radu)).toEqual([])
  await shootAtEverySize(radu, 'storyteller-telling')

  // Told: Radu's story folds to one line; his notes are a click away.
  await control.send('story:status', { id: radusStory.id, status: 'done' })
  const told = radu.locator('details.my-story.told')
  await told.waitFor()
  expect(await told.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(false)
  expect(await told.locator('summary').textContent()).toContain('Energy communities')

  // A dot vote: open, Aoife sees her dots; closed, it folds to one quiet line for her.
  await control.send('vote:open', { area: null, budget: 3, hidden: false })
  await aoife.getByText('3 of 3 dots left').waitFor()
  await control.send('vote:close', {})
  const folded = aoife.locator('details.vote-bar.folded')
  await folded.waitFor()
  expect(await folded.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(false)
  expect(await aoife.locator('.vote-summary').isVisible()).toBe(false)
  await folded.locator('summary').click()
  expect(await aoife.locator('.vote-summary').textContent()).toContain('closed')
  await shootAtEverySize(radu, 'listener-told-vote-closed')
  control.close()
}, JOURNEY_TIMEOUT)

test('observers and guests who watch without a name are not invited to write', async () => {
  const { control, participantLink } = await newSession()
  const observerLink = await control.link('observer')

  const writer = await openPage()
  await join(writer, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  await writer.getByText('The first thought is the hardest: write it down.').waitFor()

  const observer = await openPage()
  await join(observer, observerLink, 'Olga Observer')
  await observer.getByText('No cards yet: they appear here as people write them.').waitFor()
  expect(await observer.getByText(/first thought/).count()).toBe(0)
  expect(await observer.getByLabel('New card').count()).toBe(0)
  expect(await seriousViolations(observer)).toEqual([])

  const guest = await openPage()
  await guest.goto(observerLink)
  await guest.getByRole('button', { name: 'Watch without a name' }).click()
  await guest.locator('.board').waitFor()
  await guest.getByText('No cards yet: they appear here as people write them.').waitFor()
  expect(await guest.getByText(/first thought/).count()).toBe(0)
  await shootAtEverySize(guest, 'guest-empty-board')
  control.close()
}, JOURNEY_TIMEOUT)

test('a typed card that was not sent survives a reload, and is gone once sent', async () => {
  const { control, participantLink } = await newSession()
  const aoife = await openPage()
  await join(aoife, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  await aoife.getByLabel('Working title').fill('Warm Home Hub')
  await aoife.getByRole('button', { name: 'Volunteer my city’s story' }).click()
  await aoife.getByRole('tab', { name: /^Galway: Warm Home Hub/ }).waitFor()
  await control.goto('Breakouts')
  await expect.poll(() => chosenKind(aoife)).toBe('Challenge')

  const box = aoife.getByLabel('New card')
  await box.fill('Owners wait for grants that never')
  await box.press('Alt+4')
  await box.press('Alt+Shift+3')
  await aoife.reload()
  await aoife.locator('.board').waitFor()
  await expect.poll(() => aoife.getByLabel('New card').inputValue()).toBe('Owners wait for grants that never')
  await expect.poll(() => chosenKind(aoife)).toBe('Insight')
  expect(await aoife.getByRole('group', { name: 'Levers of change' }).getByRole('button', { name: /Finance/ }).getAttribute('aria-pressed')).toBe('true')

  await aoife.getByLabel('New card').press('End')
  await aoife.getByLabel('New card').pressSequentially(' come')
  await aoife.getByLabel('New card').press('Enter')
  await cardOfKind(aoife, 'Insight', 'Owners wait for grants that never come').waitFor()
  await aoife.reload()
  await aoife.locator('.board').waitFor()
  await card(aoife, 'Owners wait for grants that never come').waitFor()
  expect(await aoife.getByLabel('New card').inputValue()).toBe('')

  // Written into an area picked by hand, which a reload does not remember: the text still comes back.
  await aoife.getByLabel('Area the card is written into').selectOption({ label: 'Galway: Warm Home Hub' })
  await aoife.getByLabel('New card').fill('A line for our own story')
  await aoife.reload()
  await aoife.locator('.board').waitFor()
  await expect.poll(() => aoife.getByLabel('New card').inputValue()).toBe('A line for our own story')
  control.close()
}, JOURNEY_TIMEOUT)

test('dates are written with the month as a word, in the reader’s locale', async () => {
  const { control, participantLink } = await newSession()
  const state = await control.state()
  const [year, month, day] = state.session.date.split('-').map(Number) as [number, number, number]
  const monthWord = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day))

  const american = await openPage({ viewport: LAPTOP, locale: 'en-US' })
  await join(american, participantLink, 'Amy', { name: 'Galway', kind: 'pilot' })
  const usHeader = await american.locator('.topbar .eyebrow').textContent()
  expect(usHeader).toContain(`${monthWord} ${day}, ${year}`)
  expect(usHeader).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/)

  const irish = await openPage({ viewport: LAPTOP, locale: 'en-IE' })
  await join(irish, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  expect(await irish.locator('.topbar .eyebrow').textContent()).toContain(`${day} ${monthWord} ${year}`)

  // The home page's date box writes the day as the browser does; the words beside it say which day it is.
  const creator = await openPage({ viewport: LAPTOP, locale: 'en-US' })
  await creator.goto(world.server.url)
  await creator.locator('input[type="date"]').fill('2026-12-01')
  expect(await creator.locator('.date-words').textContent()).toBe('Dec 1, 2026')
  await creator.locator('.date-words').scrollIntoViewIfNeeded()
  await creator.screenshot({ path: await screenshotPath('home-date-in-words') })
  control.close()
}, JOURNEY_TIMEOUT)

test('on a phone the composer is on screen without scrolling and the Alt-key hints are hidden', async () => {
  const { control, participantLink } = await newSession()
  await control.goto('Breakouts')
  const phone = await openPage(TOUCH)
  await join(phone, participantLink, 'Radu', { name: 'Cluj-Napoca', kind: 'pilot' })
  await expect.poll(() => chosenKind(phone)).toBe('Challenge')

  const box = phone.getByLabel('New card')
  expect(await onScreen(phone, box)).toBe(true)
  // The kind rows scroll sideways on a phone; the chosen kind (the third) is scrolled into sight.
  expect(await onScreen(phone, phone.locator('.kind-picker [aria-checked="true"]'))).toBe(true)
  expect(await onScreen(phone, phone.getByRole('button', { name: 'Add card' }))).toBe(true)
  expect(await phone.locator('.kind-picker kbd').first().isVisible()).toBe(false)
  expect(await phone.locator('.key-hint').count()).toBeGreaterThan(0)
  for (const hint of await phone.locator('.key-hint, .chip kbd').all()) expect(await hint.isVisible()).toBe(false)

  // Written with the on-screen keyboard and the button; the composer stays put as the page scrolls.
  await box.tap()
  await box.fill('Nobody owns the data of the heat network')
  await phone.getByRole('button', { name: 'Add card' }).tap()
  await cardOfKind(phone, 'Challenge', 'Nobody owns the data of the heat network').waitFor()
  await phone.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 100_000))
  expect(await onScreen(phone, box)).toBe(true)
  // Scrolled to the end, nothing of the page stays hidden behind the composer.
  const composerTop = (await phone.locator('.composer').boundingBox())!.y
  const lastPanel = (await phone.locator('.session .sidebar > *').last().boundingBox())!
  expect(lastPanel.y + lastPanel.height).toBeLessThanOrEqual(composerTop)
  expect(await seriousViolations(phone)).toEqual([])
  await screenshot(phone, 'phone-participant-full')
  await phone.screenshot({ path: await screenshotPath('phone-participant-390') })

  // On a laptop the hints are there.
  const laptop = await openPage()
  await join(laptop, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  expect(await laptop.locator('.kind-picker kbd').first().isVisible()).toBe(true)
  control.close()
}, JOURNEY_TIMEOUT)

test('a breakout room passes axe and can be used from the keyboard', async () => {
  const { control, participantLink } = await newSession()
  const aoife = await openPage()
  await join(aoife, participantLink, 'Aoife', { name: 'Galway', kind: 'pilot' })
  const item = await control.goto('Breakouts')
  const { id: roundId } = await control.send<{ id: string }>('round:create', {
    itemId: item.id,
    mode: 'assigned',
    rooms: [{ name: 'Heat and heritage', topic: 'Retrofits in listed buildings', link: 'https://meet.example.org/heat' }],
  })
  const aoifeId = (await control.state()).members.find((m) => m.name === 'Aoife')!.id
  const round = (await control.state()).control.rounds.find((r) => r.id === roundId)!
  await control.send('round:assign', { roundId, groups: [{ roomId: round.rooms[0]!.id, memberIds: [aoifeId] }] })
  await control.send('round:open', { roundId })
  await aoife.getByText('Heat and heritage').first().waitFor()
  await aoife.getByLabel('New card').fill('Listed buildings need their own heat pump rules')
  await aoife.getByLabel('New card').press('Enter')
  await card(aoife, 'Listed buildings need their own heat pump rules').waitFor()
  // The stories were told before the breakouts: nobody is offered to volunteer one here.
  expect(await aoife.getByRole('button', { name: 'Volunteer my city’s story' }).count()).toBe(0)
  expect(await seriousViolations(aoife)).toEqual([])
  expect(await unreachableByKeyboard(aoife)).toEqual([])
  await shootAtEverySize(aoife, 'breakout-room-participant')
  control.close()
}, JOURNEY_TIMEOUT)
