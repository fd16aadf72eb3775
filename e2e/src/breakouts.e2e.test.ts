import { expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { io, type Socket } from 'socket.io-client'
import path from 'node:path'
import { artifactsDir, screenshot } from './browser'
import { SESSION_TITLE, createSession } from './createSession'
import { useWorld } from './world'

const world = useWorld()

const TITLE = SESSION_TITLE
const HEAT = 'Heat pumps in listed buildings'
const ENERGY = 'Citizen energy communities'


async function join(page: Page, link: string, name: string, city: string, kind: 'pilot' | 'twin'): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByLabel('Your city').fill(city)
  await page.getByLabel(`a ${kind} city`).check()
  await page.getByRole('button', { name: 'Join the session' }).click()
  await page.getByRole('heading', { name: TITLE }).waitFor()
}

async function writeCard(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('New card')
  await box.fill(text)
  await box.press('Enter')
}

const cardTexts = (page: Page) => page.locator('.cards .card-text').allTextContents()
const shownAreaTab = (page: Page) => page.locator('.area-tabs .area-tab.on').textContent()

test('open space: topics become rooms, people choose and move, write in their room, hear the facilitator, and come back with their cards', async () => {
  const facilitator = await (await world.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await createSession(facilitator, world.server.url)
  const participantLink = await facilitator.getByLabel('Participant link').inputValue()
  const aoife = await (await world.browser.newContext({ viewport: { width: 1180, height: 900 } })).newPage()
  const bram = await (await world.browser.newContext({ viewport: { width: 1180, height: 900 } })).newPage()
  await join(aoife, participantLink, 'Aoife from Galway', 'Galway', 'pilot')
  await join(bram, participantLink, 'Bram from Leuven', 'Leuven', 'twin')

  // To the So What breakouts: the fourth agenda item.
  const now = facilitator.getByRole('region', { name: 'Now running' })
  for (const next of ['Recap and check-in', 'Storytelling: Looking back', 'Breakouts']) {
    await now.getByRole('button', { name: 'Next →' }).click()
    await now.getByRole('heading', { name: next, exact: true }).waitFor()
  }
  const console_ = facilitator.getByRole('region', { name: 'Breakout rooms' })
  await console_.getByLabel(/Open space/).check()
  await console_.getByRole('button', { name: 'Create round' }).click()

  // Participants propose topics in the marketplace, live, before the rooms open.
  for (const [page, title, line] of [
    [aoife, HEAT, 'What worked where heritage rules apply?'],
    [bram, ENERGY, 'Who owns the panels, who gets the savings?'],
  ] as const) {
    const market = page.getByRole('region', { name: 'Topics marketplace' })
    await market.getByLabel('Topic title').fill(title)
    await market.getByLabel('Topic in one line').fill(line)
    await market.getByRole('button', { name: 'Propose' }).click()
  }
  await aoife.locator('.topic', { hasText: ENERGY }).getByRole('button', { name: /Interested/ }).click()
  await bram.locator('.topic', { hasText: ENERGY }).getByText('2 interested').waitFor()

  // The facilitator opens both topics as rooms, then opens the round.
  for (const title of [ENERGY, HEAT]) {
    const topic = console_.locator('.topic', { hasText: title })
    await topic.getByRole('button', { name: 'Open as room' }).click()
    await topic.getByText('Room open').waitFor()
  }
  await console_.getByRole('button', { name: 'Open the rooms' }).click()
  await console_.getByText(/people in\s+2\s+rooms/).waitFor()
  // Opening the rooms started the breakout clock, which is every room's clock.
  await now.locator('[data-clock="item"]').getByText('Running').waitFor()

  // Each proposer hosts their topic's room and is in it from the start, with its clock running.
  await console_.getByText('No room has a meeting link yet').waitFor()
  for (const [page, room] of [[aoife, HEAT], [bram, ENERGY]] as const) {
    const view = page.getByRole('region', { name: 'Breakout rooms' })
    await view.getByRole('heading', { name: room }).waitFor()
    await view.locator('[data-clock="room"]').getByText('Running').waitFor()
    await expect.poll(() => shownAreaTab(page)).toContain(room)
  }
  const heatTile = console_.locator('.room-tile', { hasText: HEAT })
  const energyTile = console_.locator('.room-tile', { hasText: ENERGY })
  const inRoom = (tile: typeof heatTile, name: string) => tile.locator('.room-people').getByText(name)
  await inRoom(heatTile, 'Aoife from Galway').waitFor()
  await inRoom(energyTile, 'Bram from Leuven').waitFor()

  // Each writes a card in their room's area; the facilitator counts them per room.
  await writeCard(aoife, 'Listed buildings need heat pump rules of their own')
  await writeCard(bram, 'A cooperative owns the panels; tenants share the savings')
  await heatTile.getByText('1 card').waitFor()
  await energyTile.getByText('1 card').waitFor()
  await expect.poll(() => cardTexts(aoife)).toEqual(['Listed buildings need heat pump rules of their own'])

  // The law of two feet: Bram moves to Aoife's room; both see it, and so does the facilitator.
  await bram.getByRole('button', { name: `Move to ${HEAT}` }).click()
  await bram.getByRole('region', { name: 'Breakout rooms' }).getByRole('heading', { name: HEAT }).waitFor()
  await aoife.locator('.my-room .room-people').getByText('Bram from Leuven').waitFor()
  await inRoom(heatTile, 'Bram from Leuven').waitFor()
  await energyTile.getByText('Nobody yet').waitFor()
  await expect.poll(() => cardTexts(bram)).toEqual(['Listed buildings need heat pump rules of their own'])

  // A banner to every room, until dismissed.
  await console_.getByLabel('Message to all rooms').fill('Ten minutes left: agree on one insight to bring back')
  await console_.getByRole('button', { name: 'Broadcast' }).click()
  for (const page of [aoife, bram]) await page.getByRole('alert').filter({ hasText: 'Ten minutes left' }).waitFor()
  await console_.getByText('Showing in every room').waitFor()

  // The facilitator looks into the energy room's board area.
  await energyTile.getByRole('button', { name: 'Look in' }).click()
  await expect.poll(() => shownAreaTab(facilitator)).toContain(ENERGY)
  await expect.poll(() => cardTexts(facilitator)).toEqual(['A cooperative owns the panels; tenants share the savings'])

  await screenshot(facilitator, 'breakouts-facilitator-all-rooms')
  await screenshot(bram, 'breakouts-participant-room')
  await bram.evaluate('window.scrollTo(0, 0)')
  await bram.screenshot({ path: path.join(artifactsDir, 'breakouts-participant-room-top.png') })
  await bram.getByRole('alert').filter({ hasText: 'Ten minutes left' }).getByRole('button', { name: 'Dismiss' }).click()
  await bram.getByText('Ten minutes left').waitFor({ state: 'detached' })

  // Close all rooms with a short countdown; everyone sees it, then is back in the plenary.
  await console_.getByLabel('Countdown (seconds)').fill('3')
  await console_.getByRole('button', { name: 'Close all rooms…' }).click()
  await console_.getByRole('button', { name: 'Close all rooms in 3 s' }).click()
  for (const page of [aoife, bram]) await page.getByText('Rooms close in').waitFor()
  await screenshot(aoife, 'breakouts-participant-closing')
  for (const page of [aoife, bram]) {
    await page.getByRole('region', { name: 'Breakout rooms' }).waitFor({ state: 'detached', timeout: 10_000 })
    await expect.poll(() => shownAreaTab(page)).toContain('Plenary')
  }
  // The facilitator was looking into a room: their board and composer are back in the plenary too.
  await expect.poll(() => shownAreaTab(facilitator)).toContain('Plenary')
  expect(await facilitator.getByLabel('New card').getAttribute('placeholder')).toContain('Plenary')
  await console_.getByText(/2 rooms wrote 2 cards/).waitFor()

  // The room cards stay on the board, each under its room's tab.
  for (const [room, text] of [[HEAT, 'Listed buildings need heat pump rules of their own'], [ENERGY, 'A cooperative owns the panels; tenants share the savings']] as const) {
    const tab = aoife.locator('.area-tabs .area-tab', { hasText: room })
    await expect.poll(() => tab.locator('.tab-count').textContent()).toBe('1')
    await tab.click()
    await expect.poll(() => cardTexts(aoife)).toEqual([text])
  }
  await screenshot(facilitator, 'breakouts-facilitator-closed')
})

const CITIES = ['Galway', 'Leuven', 'Cluj-Napoca', 'Porto', 'Turku', 'Braga', 'Ghent', 'Kraków', 'Lahti', 'Eindhoven']

/** A participant's screen without a browser: joined through the API and online over socket.io. */
async function onlineParticipant(link: string, i: number): Promise<{ id: string; socket: Socket }> {
  const response = await fetch(`${world.server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.split('/').pop(), name: `Person ${String(i + 1).padStart(3, '0')}`, city: CITIES[i % CITIES.length], cityKind: i % 3 ? 'pilot' : 'twin' }),
  })
  if (response.status !== 201) throw new Error(`join failed: ${response.status}`)
  const joined = (await response.json()) as { member: { id: string }; memberToken: string }
  const socket = io(world.server.url, { auth: { token: joined.memberToken }, transports: ['websocket'], forceNew: true, reconnection: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('session:state', () => resolve())
    socket.once('connect_error', reject)
  })
  return { id: joined.member.id, socket }
}

test('with 100 people, the facilitator spreads them over 50 rooms, opens them and runs them from one compact overview', async () => {
  const facilitator = await (await world.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await createSession(facilitator, world.server.url)
  const link = await facilitator.getByLabel('Participant link').inputValue()
  const people = await Promise.all(Array.from({ length: 100 }, (_, i) => onlineParticipant(link, i)))
  const harvester = await (await world.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await harvester.goto(await facilitator.getByLabel('Harvester link').inputValue())
  await harvester.getByLabel('Your name').fill('Hana Harvester')
  await harvester.getByRole('button', { name: 'Join the session' }).click()
  await harvester.getByRole('heading', { name: TITLE }).waitFor()
  try {
    await facilitator.locator('.people').getByText('102 online').waitFor()
    const now = facilitator.getByRole('region', { name: 'Now running' })
    for (const next of ['Recap and check-in', 'Storytelling: Looking back', 'Breakouts']) {
      await now.getByRole('button', { name: 'Next →' }).click()
      await now.getByRole('heading', { name: next, exact: true }).waitFor()
    }
    const console_ = facilitator.getByRole('region', { name: 'Breakout rooms' })
    await console_.getByRole('button', { name: 'Create round' }).click()

    // Spread automatically: 50 rooms, pilots and twins mixed, cities apart; the proposal first.
    await console_.getByRole('tab', { name: 'Spread automatically' }).click()
    await console_.getByLabel('Number of rooms').fill('50')
    await console_.getByRole('button', { name: 'Propose' }).click()
    const proposal = console_.getByRole('region', { name: 'Proposal' })
    await proposal.getByText('100 people in 50 rooms').waitFor()
    expect(await proposal.locator('.room-tile').count()).toBe(50)
    expect(await proposal.getByText('same city twice').count()).toBe(0)
    await proposal.getByRole('button', { name: 'Apply this proposal' }).click()
    await console_.getByText('50 rooms · 100 people placed').waitFor()
    await console_.getByRole('button', { name: 'Open the rooms' }).click()
    await console_.getByText(/100\s+people in\s+50\s+rooms/).waitFor()
    const tiles = console_.locator('.room-grid .room-tile')
    expect(await tiles.count()).toBe(50)
    // Spread rooms are named after their cities; the round's countdown sits beside the rooms.
    expect(await tiles.first().locator('.room-name').textContent()).toMatch(/^Room 1 · \S/)
    await console_.locator('.live-overview > .clock').waitFor()

    // No room has a video link yet, and the overview says so; one pattern gives all 50 theirs.
    await console_.getByText('No room has a meeting link yet').waitFor()
    const pattern = console_.getByRole('form', { name: 'Meeting link for every room' })
    await pattern.getByLabel('Meeting link for every room').fill('https://meet.example.org/c4-{room}')
    await pattern.getByRole('button', { name: 'Save' }).click()
    await console_.getByText('No room has a meeting link yet').waitFor({ state: 'detached' })
    expect(await tiles.first().getByRole('link', { name: 'Call ↗' }).getAttribute('href')).toMatch(/^https:\/\/meet\.example\.org\/c4-room-1-/)

    // Move one person from the first room to the last, by picking their name.
    const first = tiles.first()
    const last = tiles.last()
    const mover = (await first.locator('.person-chip').first().textContent())!
    await first.getByRole('button', { name: mover }).click()
    await last.getByRole('button', { name: 'Move 1 here' }).click()
    await last.getByRole('button', { name: mover }).waitFor()
    await expect.poll(() => first.locator('.room-count').textContent()).toBe('1')
    await expect.poll(() => last.locator('.room-count').textContent()).toBe('3')

    // A room calls for help: the facilitator sees which one, and answers.
    const round = await new Promise<{ id: string; rooms: { id: string; name: string; memberIds: string[] }[] }>((resolve) =>
      people[0]!.socket.emit('session:sync', {}, (ack: { data: { control: { rounds: never[] } } }) => resolve(ack.data.control.rounds[0]!)),
    )
    const caller = people.find((p) => round.rooms.some((r) => r.memberIds.includes(p.id)))!
    const callerRoom = round.rooms.find((r) => r.memberIds.includes(caller.id))!
    await caller.socket.timeout(5000).emitWithAck('room:help', { roundId: round.id, on: true })
    const calls = console_.getByRole('list', { name: 'Help calls' })
    await calls.getByText(callerRoom.name).waitFor()
    await screenshot(facilitator, 'breakouts-facilitator-50-rooms')
    await console_.screenshot({ path: path.join(artifactsDir, 'breakouts-facilitator-50-rooms-overview.png') })
    await calls.getByRole('button', { name: 'Answered' }).click()
    await calls.waitFor({ state: 'detached' })

    // A meeting link for Room 7: only http(s) is taken, and it opens in a new tab that cannot reach back.
    const seventh = tiles.nth(6)
    await seventh.getByRole('button', { name: 'Edit' }).click()
    const form = console_.getByRole('form', { name: 'Edit Room 7' })
    await form.getByLabel('Meeting link').fill('javascript:alert(1)')
    await form.getByText('must be a full http:// or https:// address').waitFor()
    expect(await form.getByRole('button', { name: 'Save room' }).isEnabled()).toBe(true)
    await form.getByRole('button', { name: 'Save room' }).click()
    await form.getByText('must be a full http:// or https:// address').waitFor()
    await form.getByLabel('Meeting link').fill('https://meet.example.org/room-7')
    await form.getByLabel('Capacity').fill('4')
    await form.getByRole('button', { name: 'Save room' }).click()
    const call = seventh.getByRole('link', { name: 'Call ↗' })
    expect([await call.getAttribute('href'), await call.getAttribute('target'), await call.getAttribute('rel')])
      .toEqual(['https://meet.example.org/room-7', '_blank', 'noopener noreferrer'])
    await expect.poll(() => seventh.locator('.room-count').textContent()).toBe('2/4')

    // The harvester follows any room and steps quickly from one to the next.
    const follow = harvester.getByRole('region', { name: 'Follow a room' })
    await follow.getByRole('button', { name: /^Room 7 · .*, 2 people$/ }).click()
    await follow.getByRole('heading', { name: 'Room 7' }).waitFor()
    const video = follow.getByRole('link', { name: 'Join the video call ↗' })
    expect([await video.getAttribute('href'), await video.getAttribute('rel')]).toEqual(['https://meet.example.org/room-7', 'noopener noreferrer'])
    await expect.poll(() => shownAreaTab(harvester)).toContain('Room 7')
    await follow.getByRole('button', { name: 'Next room' }).click()
    await follow.getByRole('heading', { name: 'Room 8' }).waitFor()
    await expect.poll(() => shownAreaTab(harvester)).toContain('Room 8')
    await screenshot(harvester, 'breakouts-harvester-follows')
    await harvester.screenshot({ path: path.join(artifactsDir, 'breakouts-harvester-follows-top.png') })
  } finally {
    for (const person of people) person.socket.disconnect()
  }
})
