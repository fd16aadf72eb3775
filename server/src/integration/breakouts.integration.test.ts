import { afterEach, describe, expect, it } from 'vitest'
import { BREAKOUT_LIMITS, addCard, listCards, roomArea, roomOf, roundPhase } from '@harvest/shared'
import { joinAs } from '../testing/api'
import { cardBy } from '../testing/boardWorld'
import { accepted, refusedWith } from '../testing/acks'
import {
  breakoutWorld, createRound, recordBreakouts, roomId, roundNow, stateWithoutTime, waitForRoom, whoIsWhere,
} from '../testing/breakoutWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { createSessionWithCities, syncState } from '../testing/controlWorld'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

const MIN = 60_000

describe('creating rounds and rooms (facilitator)', () => {
  it('creates a round on a breakout item, refused on any other item; several rounds keep their own rooms', async () => {
    const { fran, soWhat, nowWhat, plenary } = await breakoutWorld()
    const before = await stateWithoutTime(fran.socket)
    const refusal = refusedWith(await request(fran.socket, 'round:create', { itemId: plenary, mode: 'assigned', rooms: [] }), 'invalid')
    expect(refusal).toBe('breakout rounds belong to agenda items of kind "breakout"')
    expect(await stateWithoutTime(fran.socket)).toEqual(before)

    const first = await createRound(fran.socket, soWhat, 'assigned', [
      { name: 'Heat', hostId: fran.member.id, link: 'https://meet.example.org/heat', capacity: 8 },
      { name: 'Mobility' },
    ])
    const second = await createRound(fran.socket, nowWhat, 'open_space', [{ name: 'Heat' }])
    const { control } = await syncState(fran.socket)
    expect(control.rounds.map((r) => [r.id, r.itemId, r.mode, r.status])).toEqual([
      [first, soWhat, 'assigned', 'planned'],
      [second, nowWhat, 'open_space', 'planned'],
    ])
    const [a, b] = control.rounds
    expect(a!.rooms[0]).toMatchObject({ name: 'Heat', topic: '', hostId: fran.member.id, harvesterId: null, link: 'https://meet.example.org/heat', capacity: 8, memberIds: [], extraMs: 0, help: null })
    expect(b!.rooms[0]!.id).not.toBe(a!.rooms[0]!.id)

    // A change to one round leaves the other as it was.
    accepted(await request(fran.socket, 'room:update', { roundId: second, roomId: b!.rooms[0]!.id, name: 'Heat pumps' }))
    accepted(await request(fran.socket, 'room:remove', { roundId: first, roomId: a!.rooms[1]!.id }))
    const after = (await syncState(fran.socket)).control.rounds
    expect(after.map((r) => r.rooms.map((room) => room.name))).toEqual([['Heat'], ['Heat pumps']])
  })

  it('edits a room by hand: a change names only what changes; meeting links must be http or https', async () => {
    const { fran, soWhat } = await breakoutWorld()
    const roundId = await createRound(fran.socket, soWhat, 'assigned')
    const id = accepted(await request(fran.socket, 'room:add', { roundId, name: 'Heat', link: 'https://meet.example.org/heat', capacity: 6, hostId: fran.member.id })).id
    accepted(await request(fran.socket, 'room:update', { roundId, roomId: id, name: 'Heat pumps' }))
    expect((await roundNow(fran.socket, roundId)).rooms[0]).toMatchObject({ name: 'Heat pumps', link: 'https://meet.example.org/heat', capacity: 6, hostId: fran.member.id })

    for (const link of ['javascript:alert(1)', 'meet.example.org/heat', 'ftp://example.org', 'data:text/html,hi']) {
      const message = refusedWith(await request(fran.socket, 'room:update', { roundId, roomId: id, link }), 'invalid')
      expect(message).toContain('http:// or https://')
      refusedWith(await request(fran.socket, 'room:add', { roundId, name: 'Bad', link }), 'invalid')
    }
    accepted(await request(fran.socket, 'room:update', { roundId, roomId: id, link: null, capacity: null }))
    expect((await roundNow(fran.socket, roundId)).rooms).toMatchObject([{ name: 'Heat pumps', link: null, capacity: null }])
  })

  it('spreads the people online into a proposal that changes nothing until the facilitator assigns it, adjusted', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const people = await Promise.all([
      world.join('Ana', 'Ghent', 'pilot'),
      world.join('Bo', 'Ghent', 'pilot'),
      world.join('Cy', 'Turku', 'pilot'),
      world.join('Di', 'Braga', 'twin'),
      world.join('Ed', 'Braga', 'twin'),
      world.join('Flo', 'Porto', 'twin'),
    ])
    await world.join('Obi', '', null, 'observer')
    const roundId = await createRound(fran.socket, soWhat, 'assigned')
    const before = await stateWithoutTime(fran.socket)

    const { groups } = accepted(await request(fran.socket, 'round:spread', { roundId, by: { rooms: 3 }, mixKinds: true, sameCity: 'apart', seed: 7 }))
    expect(await stateWithoutTime(fran.socket)).toEqual(before)
    expect(groups.flat().sort()).toEqual(people.map((p) => p.member.id).sort())
    const byId = new Map(people.map((p) => [p.member.id, p.member]))
    for (const group of groups) {
      expect(group).toHaveLength(2)
      expect(new Set(group.map((id) => byId.get(id)!.cityKind))).toEqual(new Set(['pilot', 'twin']))
      expect(new Set(group.map((id) => byId.get(id)!.city)).size).toBe(2)
    }
    // The same seed gives the same proposal; rooms of about 3 make two rooms.
    expect(accepted(await request(fran.socket, 'round:spread', { roundId, by: { rooms: 3 }, mixKinds: true, sameCity: 'apart', seed: 7 })).groups).toEqual(groups)
    expect(accepted(await request(fran.socket, 'round:spread', { roundId, by: { size: 3 }, mixKinds: false, sameCity: 'together' })).groups).toHaveLength(2)

    // The facilitator swaps two people between the first rooms, then applies it.
    const adjusted = groups.map((g) => [...g])
    ;[adjusted[0]![0], adjusted[1]![0]] = [adjusted[1]![0]!, adjusted[0]![0]!]
    accepted(await request(fran.socket, 'round:assign', { roundId, groups: adjusted.map((memberIds, i) => ({ roomId: null, name: `Room ${i + 1}`, memberIds })) }))
    const round = await roundNow(fran.socket, roundId)
    expect(round.rooms.map((r) => [r.name, r.memberIds])).toEqual(adjusted.map((ids, i) => [`Room ${i + 1}`, ids]))

    // Assigning again into existing rooms moves people rather than copying them.
    const mover = adjusted[0]![0]!
    accepted(await request(fran.socket, 'round:assign', { roundId, groups: [{ roomId: round.rooms[2]!.id, memberIds: [mover] }] }))
    const moved = await roundNow(fran.socket, roundId)
    expect(moved.rooms.filter((r) => r.memberIds.includes(mover)).map((r) => r.name)).toEqual(['Room 3'])
    expect(moved.rooms.map((r) => r.memberIds.length)).toEqual([1, 2, 3])

    // Someone unknown in a group: refused as a whole.
    const unchanged = await stateWithoutTime(fran.socket)
    const message = refusedWith(await request(fran.socket, 'round:assign', { roundId, groups: [{ roomId: null, memberIds: [mover, 'ghost'] }] }), 'not_found')
    expect(message).toMatch(/left the session/)
    const twice = [{ roomId: null, memberIds: [mover] }, { roomId: round.rooms[0]!.id, memberIds: [mover] }]
    expect(refusedWith(await request(fran.socket, 'round:assign', { roundId, groups: twice }), 'invalid')).toMatch(/more than one group/)
    expect(await stateWithoutTime(fran.socket)).toEqual(unchanged)
  })

  it('works with 50 rooms and 100 people', async () => {
    const { server, created, fran, soWhat } = await breakoutWorld()
    const members = await Promise.all(Array.from({ length: 100 }, (_, i) => joinAs(server.url, created, 'participant', { name: `P${i}`, city: `City ${i % 30}`, cityKind: i % 3 ? 'pilot' : 'twin' })))
    const rooms = Array.from({ length: 50 }, (_, i) => ({ name: `Room ${i + 1}`, capacity: 4 }))
    const roundId = await createRound(fran.socket, soWhat, 'assigned', rooms)
    const round = await roundNow(fran.socket, roundId)
    const groups = round.rooms.map((room, i) => ({ roomId: room.id, memberIds: [members[2 * i]!.member.id, members[2 * i + 1]!.member.id] }))
    accepted(await request(fran.socket, 'round:assign', { roundId, groups }))
    accepted(await request(fran.socket, 'round:open', { roundId }))
    const open = await roundNow(fran.socket, roundId)
    expect(open.rooms).toHaveLength(50)
    expect(open.rooms.every((r) => r.memberIds.length === 2)).toBe(true)

    const log = recordBreakouts(fran.socket)
    accepted(await request(fran.socket, 'room:move', { roundId, memberId: members[0]!.member.id, roomId: open.rooms[49]!.id }))
    await waitForRoom(log, open.rooms[49]!.id, [members[0]!.member.id, members[98]!.member.id, members[99]!.member.id])
    // Only the two rooms that changed travel, not the whole state.
    expect(log.rooms[0]!.rooms.map((r) => r.roomId)).toEqual([open.rooms[0]!.id, open.rooms[49]!.id])
    expect(log.controls).toEqual([])

    const tooMany = Array.from({ length: BREAKOUT_LIMITS.roomsMax + 1 }, (_, i) => ({ name: `R${i}` }))
    refusedWith(await request(fran.socket, 'round:create', { itemId: soWhat, mode: 'assigned', rooms: tooMany }), 'invalid')
  })
})

describe('people arriving while rooms are open', () => {
  it('are placed as planned by name or city, else in the smallest room; everyone is told', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const roundId = await createRound(fran.socket, soWhat, 'assigned', [{ name: 'North' }, { name: 'South' }])
    const planned = await roundNow(fran.socket, roundId)
    const [north, south] = [roomId(planned, 'North'), roomId(planned, 'South')]
    accepted(await request(fran.socket, 'round:plan', { roundId, planned: { 'Ana Lopez': north, ' TURKU ': south } }))
    expect((await roundNow(fran.socket, roundId)).planned).toEqual({ 'ana lopez': north, turku: south })
    refusedWith(await request(fran.socket, 'round:plan', { roundId, planned: { x: 'no-such-room' } }), 'not_found')

    accepted(await request(fran.socket, 'round:open', { roundId }))
    const log = recordBreakouts(fran.socket)
    const ana = await world.join('Ana Lopez', 'Braga', 'twin')
    await waitForRoom(log, north, [ana.member.id], 'Ana placed by name')
    const tom = await world.join('Tom', 'Turku', 'pilot')
    const cy = await world.join('Cy', 'Turku', 'pilot')
    await waitForRoom(log, south, [tom.member.id, cy.member.id], 'Turku placed by city')

    // Nobody planned: the smallest room.
    const late = await world.join('Late Lou', 'Ghent', 'pilot')
    await waitForRoom(log, north, [ana.member.id, late.member.id], 'late joiner in the smaller room')
    // Ana's own screen hears about the others too; of two equally small rooms, the first.
    const anaLog = recordBreakouts(ana.socket)
    const last = await world.join('Last Lee', 'Ghent', 'pilot')
    await waitForRoom(anaLog, north, [ana.member.id, late.member.id, last.member.id])
    expect(whoIsWhere(await roundNow(fran.socket, roundId))).toEqual({
      North: [ana.member.id, late.member.id, last.member.id].sort(),
      South: [tom.member.id, cy.member.id].sort(),
    })
  })

  it('people present when the round opens are placed too; harvesters and observers are not', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat')
    const hal = await world.join('Hal', '', null, 'harvester')
    const roundId = await createRound(fran.socket, soWhat, 'assigned', [{ name: 'Only room' }])
    accepted(await request(fran.socket, 'round:open', { roundId }))
    const round = await roundNow(fran.socket, roundId)
    expect(whoIsWhere(round)).toEqual({ 'Only room': [pat.member.id] })
    expect(roomOf(round, hal.member.id)).toBeNull()
    expect((await syncState(fran.socket)).control.currentItemId).toBe(soWhat)
  })

  it('in open space, a late joiner is offered the marketplace and placed nowhere', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const roundId = await createRound(fran.socket, soWhat, 'open_space', [{ name: 'Heat pumps' }, { name: 'Retrofit' }])
    accepted(await request(fran.socket, 'round:open', { roundId }))
    const log = recordBreakouts(fran.socket)
    const late = await world.join('Late Lou')
    const round = await roundNow(late.socket, roundId)
    expect(roomOf(round, late.member.id)).toBeNull()
    expect(round.rooms.every((r) => r.memberIds.length === 0)).toBe(true)
    expect(log.rooms).toEqual([])
  })
})

describe('open space', () => {
  it('participants propose topics and mark interest, live; the facilitator opens topics as rooms with a host', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat', 'Ghent', 'pilot')
    const lee = await world.join('Lee', 'Braga', 'twin')
    const roundId = await createRound(fran.socket, soWhat, 'open_space')
    const leeLog = recordBreakouts(lee.socket)

    const topicId = accepted(await request(pat.socket, 'topic:propose', { roundId, title: 'Heat pumps in old houses', line: 'What worked for listed buildings?' })).id
    await waitFor(() => leeLog.controls.at(-1)?.rounds[0]?.topics.length === 1, 5_000, 'Lee sees the topic')
    expect(leeLog.controls.at(-1)!.rounds[0]!.topics[0]).toMatchObject({ id: topicId, title: 'Heat pumps in old houses', line: 'What worked for listed buildings?', proposerId: pat.member.id, interested: [pat.member.id], roomId: null })

    accepted(await request(lee.socket, 'topic:interest', { roundId, topicId, interested: true }))
    accepted(await request(lee.socket, 'topic:interest', { roundId, topicId, interested: true }))
    accepted(await request(pat.socket, 'topic:interest', { roundId, topicId, interested: false }))
    expect((await roundNow(fran.socket, roundId)).topics[0]!.interested).toEqual([lee.member.id])

    // Only the facilitator opens it here (the round does not let proposers open their own).
    const before = await stateWithoutTime(fran.socket)
    expect(refusedWith(await request(pat.socket, 'topic:open', { roundId, topicId }), 'forbidden')).toMatch(/facilitator/)
    expect(await stateWithoutTime(fran.socket)).toEqual(before)
    const room = accepted(await request(fran.socket, 'topic:open', { roundId, topicId, hostId: lee.member.id, capacity: 5 })).id
    const round = await roundNow(fran.socket, roundId)
    // The host is in the room they host from the start.
    expect(round.rooms).toMatchObject([{ id: room, name: 'Heat pumps in old houses', topic: 'What worked for listed buildings?', hostId: lee.member.id, capacity: 5, memberIds: [lee.member.id] }])
    expect(round.topics[0]!.roomId).toBe(room)
    refusedWith(await request(fran.socket, 'topic:open', { roundId, topicId }), 'conflict')

    // A topic's room defaults to its proposer as host.
    const second = accepted(await request(lee.socket, 'topic:propose', { roundId, title: 'Twin cities’ own stories', line: '' })).id
    accepted(await request(fran.socket, 'topic:open', { roundId, topicId: second }))
    expect((await roundNow(fran.socket, roundId)).rooms[1]).toMatchObject({ name: 'Twin cities’ own stories', hostId: lee.member.id })
    refusedWith(await request(pat.socket, 'topic:propose', { roundId, title: '   ', line: '' }), 'invalid')
  })

  it('when the round allows it, a proposer opens their own topic, and only their own', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat')
    const lee = await world.join('Lee')
    const roundId = await createRound(fran.socket, soWhat, 'open_space', [], true)
    const pats = accepted(await request(pat.socket, 'topic:propose', { roundId, title: 'Citizen assemblies', line: 'Who decides?' })).id
    const lees = accepted(await request(lee.socket, 'topic:propose', { roundId, title: 'Green roofs', line: '' })).id
    refusedWith(await request(pat.socket, 'topic:open', { roundId, topicId: lees }), 'forbidden')
    const room = accepted(await request(pat.socket, 'topic:open', { roundId, topicId: pats })).id
    const round = await roundNow(fran.socket, roundId)
    expect(round.rooms.map((r) => [r.id, r.name, r.hostId])).toEqual([[room, 'Citizen assemblies', pat.member.id]])
    expect(round.topics.map((t) => t.roomId)).toEqual([room, null])
  })

  it('topics belong to open-space rounds only', async () => {
    const world = await breakoutWorld()
    const pat = await world.join('Pat')
    const roundId = await createRound(world.fran.socket, world.soWhat, 'assigned', [{ name: 'A' }])
    refusedWith(await request(pat.socket, 'topic:propose', { roundId, title: 'Topic', line: '' }), 'invalid')
  })

  it('the law of two feet: a participant joins a room and moves, and every screen is told who is where', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat')
    const lee = await world.join('Lee')
    const roundId = await createRound(fran.socket, soWhat, 'open_space', [{ name: 'Heat' }, { name: 'Mobility' }])
    const round = await roundNow(fran.socket, roundId)
    const [heat, mobility] = [roomId(round, 'Heat'), roomId(round, 'Mobility')]
    refusedWith(await request(pat.socket, 'room:join', { roundId, roomId: heat }), 'conflict')
    const logs = [fran, pat, lee].map((p) => recordBreakouts(p.socket))
    accepted(await request(fran.socket, 'round:open', { roundId }))
    for (const log of logs) await waitFor(() => log.controls.at(-1)?.rounds[0]?.status === 'open', 5_000, 'the round opened')

    accepted(await request(pat.socket, 'room:join', { roundId, roomId: heat }))
    for (const log of logs) await waitForRoom(log, heat, [pat.member.id])
    accepted(await request(lee.socket, 'room:join', { roundId, roomId: heat }))
    accepted(await request(pat.socket, 'room:join', { roundId, roomId: mobility }))
    for (const log of logs) {
      await waitForRoom(log, mobility, [pat.member.id])
      expect(log.rooms.at(-1)).toEqual({ roundId, rooms: [{ roomId: heat, memberIds: [lee.member.id] }, { roomId: mobility, memberIds: [pat.member.id] }] })
      // Moves travel as deltas: no full state was resent after the opening.
      expect(log.controls).toHaveLength(1)
    }
    accepted(await request(pat.socket, 'room:leave', { roundId }))
    for (const log of logs) await waitForRoom(log, mobility, [])
    expect(whoIsWhere(await roundNow(lee.socket, roundId))).toEqual({ Heat: [lee.member.id], Mobility: [] })
  })

  it('a full room refuses a join with a clear message, and nobody moves', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat')
    const lee = await world.join('Lee')
    const roundId = await createRound(fran.socket, soWhat, 'open_space', [{ name: 'Small room', capacity: 1 }, { name: 'Big room' }])
    const round = await roundNow(fran.socket, roundId)
    accepted(await request(fran.socket, 'round:open', { roundId }))
    accepted(await request(pat.socket, 'room:join', { roundId, roomId: roomId(round, 'Small room') }))
    accepted(await request(lee.socket, 'room:join', { roundId, roomId: roomId(round, 'Big room') }))
    const before = await stateWithoutTime(fran.socket)
    const message = refusedWith(await request(lee.socket, 'room:join', { roundId, roomId: roomId(round, 'Small room') }), 'conflict')
    expect(message).toBe('“Small room” is full (1 of 1): choose another room')
    expect(await stateWithoutTime(fran.socket)).toEqual(before)
  })

  it('in an assigned round participants cannot choose their room', async () => {
    const world = await breakoutWorld()
    const pat = await world.join('Pat')
    const roundId = await createRound(world.fran.socket, world.soWhat, 'assigned', [{ name: 'A' }, { name: 'B' }])
    accepted(await request(world.fran.socket, 'round:open', { roundId }))
    const round = await roundNow(pat.socket, roundId)
    const mine = roomOf(round, pat.member.id)!
    const other = round.rooms.find((r) => r !== mine)!
    refusedWith(await request(pat.socket, 'room:join', { roundId, roomId: other.id }), 'forbidden')
    expect(roomOf(await roundNow(pat.socket, roundId), pat.member.id)?.id).toBe(mine.id)
  })
})

describe('running the rooms (facilitator)', () => {
  async function runningRound() {
    const world = await breakoutWorld()
    const pat = await world.join('Pat', 'Ghent', 'pilot')
    const lee = await world.join('Lee', 'Braga', 'twin')
    const roundId = await createRound(world.fran.socket, world.soWhat, 'open_space', [{ name: 'Heat' }, { name: 'Mobility' }])
    accepted(await request(world.fran.socket, 'round:open', { roundId }))
    const round = await roundNow(world.fran.socket, roundId)
    const [heat, mobility] = [roomId(round, 'Heat'), roomId(round, 'Mobility')]
    accepted(await request(pat.socket, 'room:join', { roundId, roomId: heat }))
    accepted(await request(lee.socket, 'room:join', { roundId, roomId: mobility }))
    return { ...world, pat, lee, roundId, heat, mobility }
  }

  it('opening the rooms makes the breakout item current and starts its clock, which is the rooms’ clock', async () => {
    const { fran, time, roundId } = await runningRound()
    const { control } = await syncState(fran.socket)
    const round = control.rounds.find((r) => r.id === roundId)!
    const item = control.agenda.find((i) => i.id === round.itemId)!
    expect(control.currentItemId).toBe(item.id)
    expect(item.clock.runningSince).toBe(time.now())
  })

  it('moves a person; moving someone who has left the session is refused and they leave their room', async () => {
    const { fran, pat, lee, roundId, heat, mobility } = await runningRound()
    const log = recordBreakouts(lee.socket)
    accepted(await request(fran.socket, 'room:move', { roundId, memberId: pat.member.id, roomId: mobility }))
    await waitForRoom(log, mobility, [lee.member.id, pat.member.id])
    accepted(await request(fran.socket, 'room:move', { roundId, memberId: pat.member.id, roomId: null }))
    await waitForRoom(log, mobility, [lee.member.id])
    accepted(await request(fran.socket, 'room:move', { roundId, memberId: pat.member.id, roomId: heat }))

    accepted(await request(fran.socket, 'member:remove', { memberId: pat.member.id }))
    const afterRemoval = await roundNow(fran.socket, roundId)
    expect(whoIsWhere(afterRemoval)).toEqual({ Heat: [], Mobility: [lee.member.id] })
    const before = await stateWithoutTime(fran.socket)
    expect(refusedWith(await request(fran.socket, 'room:move', { roundId, memberId: pat.member.id, roomId: mobility }), 'not_found')).toMatch(/not in the session/)
    expect(await stateWithoutTime(fran.socket)).toEqual(before)
    refusedWith(await request(fran.socket, 'room:move', { roundId, memberId: lee.member.id, roomId: 'no-such-room' }), 'not_found')
  })

  it('broadcasts a banner every screen receives, and clears it', async () => {
    const { time, fran, pat, lee, roundId } = await runningRound()
    const logs = [pat, lee].map((p) => recordBreakouts(p.socket))
    accepted(await request(fran.socket, 'round:broadcast', { roundId, text: '  Five minutes left: pick your top insight.  ' }))
    for (const log of logs) await waitFor(() => log.controls.at(-1)?.rounds[0]?.banner?.text === 'Five minutes left: pick your top insight.', 5_000, 'banner')
    expect((await roundNow(pat.socket, roundId)).banner).toEqual({ id: expect.any(String), text: 'Five minutes left: pick your top insight.', at: time.now() })
    accepted(await request(fran.socket, 'round:broadcast', { roundId, text: null }))
    for (const log of logs) await waitFor(() => log.controls.at(-1)?.rounds[0]?.banner === null, 5_000, 'banner cleared')
    refusedWith(await request(fran.socket, 'round:broadcast', { roundId, text: 'x'.repeat(BREAKOUT_LIMITS.bannerMax + 1) }), 'invalid')
  })

  it('adds time for all rooms (the agenda item clock) or for one room, and warns "one minute left"', async () => {
    const { time, fran, soWhat, roundId, mobility } = await runningRound()
    const itemClock = async () => (await syncState(fran.socket)).control.agenda.find((i) => i.id === soWhat)!.clock
    const before = (await itemClock()).durationMs
    accepted(await request(fran.socket, 'round:extend', { roundId, roomId: null, deltaMs: 5 * MIN }))
    expect((await itemClock()).durationMs).toBe(before + 5 * MIN)
    accepted(await request(fran.socket, 'round:extend', { roundId, roomId: mobility, deltaMs: 2 * MIN }))
    expect((await roundNow(fran.socket, roundId)).rooms.map((r) => r.extraMs)).toEqual([0, 2 * MIN])

    time.advance(20 * MIN)
    accepted(await request(fran.socket, 'round:warn', { roundId }))
    expect((await roundNow(fran.socket, roundId)).warnedAt).toBe(time.now())
  })

  it('a help call reaches the facilitator with its room, and the facilitator answers it', async () => {
    const { time, fran, pat, lee, roundId, heat } = await runningRound()
    const franLog = recordBreakouts(fran.socket)
    time.advance(1234)
    accepted(await request(pat.socket, 'room:help', { roundId, on: true }))
    await waitFor(() => franLog.controls.at(-1)?.rounds[0]?.rooms.find((r) => r.id === heat)?.help, 5_000, 'help call seen')
    expect(franLog.controls.at(-1)!.rounds[0]!.rooms.find((r) => r.id === heat)!.help).toEqual({ by: pat.member.id, at: time.now() })

    // Another participant may not clear it from elsewhere; the facilitator clears it with the room id.
    refusedWith(await request(lee.socket, 'room:help', { roundId, on: false, roomId: heat }), 'forbidden')
    accepted(await request(fran.socket, 'room:help', { roundId, on: false, roomId: heat }))
    await waitFor(() => franLog.controls.at(-1)?.rounds[0]?.rooms.every((r) => r.help === null), 5_000, 'answered')
    // Someone in no room has nothing to call from.
    accepted(await request(pat.socket, 'room:leave', { roundId }))
    refusedWith(await request(pat.socket, 'room:help', { roundId, on: true }), 'invalid')
  })

  it('closes with a countdown; the round is closed once the server time passes closesAt; closing again is refused', async () => {
    const { time, fran, pat, roundId, heat, mobility } = await runningRound()
    const patLog = recordBreakouts(pat.socket)
    time.advance(7_000)
    const closedAt = time.now()
    accepted(await request(fran.socket, 'round:close', { roundId, countdownSeconds: 3 }))
    await waitFor(() => patLog.controls.at(-1)?.rounds[0]?.status === 'closing', 5_000, 'pat sees the countdown')
    const closing = await roundNow(pat.socket, roundId)
    expect(closing).toMatchObject({ status: 'closing', closesAt: closedAt + 3_000 })
    expect(roundPhase(closing, time.now())).toBe('closing')
    refusedWith(await request(pat.socket, 'room:join', { roundId, roomId: mobility }), 'conflict')
    refusedWith(await request(fran.socket, 'round:close', { roundId, countdownSeconds: 3 }), 'conflict')

    time.advance(3_000)
    const state = await syncState(pat.socket)
    const closed = state.control.rounds[0]!
    expect(roundPhase(closed, state.serverNow)).toBe('closed')
    // Who was where stays recorded, for the harvest and for reusing the groups.
    expect(closed.rooms.find((r) => r.id === heat)!.memberIds).toEqual([pat.member.id])
    const before = await stateWithoutTime(fran.socket)
    expect(refusedWith(await request(fran.socket, 'round:close', { roundId, countdownSeconds: 0 }), 'conflict')).toBe('this breakout round is already closed')
    refusedWith(await request(fran.socket, 'round:extend', { roundId, roomId: null, deltaMs: MIN }), 'conflict')
    refusedWith(await request(fran.socket, 'round:warn', { roundId }), 'conflict')
    refusedWith(await request(fran.socket, 'round:open', { roundId }), 'conflict')
    refusedWith(await request(pat.socket, 'room:join', { roundId, roomId: mobility }), 'conflict')
    refusedWith(await request(pat.socket, 'room:leave', { roundId }), 'conflict')
    expect(await stateWithoutTime(fran.socket)).toEqual(before)
  })

  it('the cards written in a room stay on the board after the rooms close, under the room’s area', async () => {
    const { time, server, created, fran, pat, roundId, heat } = await runningRound()
    const board = connectBoard(server.url, created.session.id, pat.token)
    await board.synced()
    const area = roomArea(roundId, heat)
    addCard(board.doc, cardBy(pat.member, 'room-card', 'Listed buildings need their own heat pump rules', { area }))
    const franBoard = connectBoard(server.url, created.session.id, fran.token)
    await franBoard.synced()
    await waitFor(() => listCards(franBoard.doc).some((c) => c.id === 'room-card'), 5_000, 'card reached the facilitator')

    accepted(await request(fran.socket, 'round:close', { roundId, countdownSeconds: 0 }))
    time.advance(MIN)
    const later = connectBoard(server.url, created.session.id, fran.token)
    await later.synced()
    expect(listCards(later.doc).filter((c) => c.area === area).map((c) => [c.id, c.text, c.authorId])).toEqual([
      ['room-card', 'Listed buildings need their own heat pump rules', pat.member.id],
    ])
  })

  it('the next round reuses the previous round’s groups in rooms of its own', async () => {
    const { fran, pat, lee, roundId, nowWhat } = await runningRound()
    accepted(await request(fran.socket, 'round:close', { roundId, countdownSeconds: 0 }))
    const next = await createRound(fran.socket, nowWhat, 'assigned')
    accepted(await request(fran.socket, 'round:reuse', { roundId: next, fromRoundId: roundId }))
    const [first, second] = (await syncState(fran.socket)).control.rounds
    expect(whoIsWhere(second!)).toEqual({ Heat: [pat.member.id], Mobility: [lee.member.id] })
    expect(second!.rooms.map((r) => r.id).filter((id) => first!.rooms.some((f) => f.id === id))).toEqual([])

    accepted(await request(fran.socket, 'round:open', { roundId: next }))
    accepted(await request(fran.socket, 'room:move', { roundId: next, memberId: pat.member.id, roomId: roomId(second!, 'Mobility') }))
    const [firstAfter, secondAfter] = (await syncState(fran.socket)).control.rounds
    expect(whoIsWhere(firstAfter!)).toEqual({ Heat: [pat.member.id], Mobility: [lee.member.id] })
    expect(whoIsWhere(secondAfter!)).toEqual({ Heat: [], Mobility: [lee.member.id, pat.member.id].sort() })
    refusedWith(await request(fran.socket, 'round:reuse', { roundId: next, fromRoundId: roundId }), 'conflict')
  })
})

describe('refusals', () => {
  it('a participant may not create, plan, open, close, move others, broadcast, extend, warn or open topics; nothing changes', async () => {
    const world = await breakoutWorld()
    const { fran, soWhat } = world
    const pat = await world.join('Pat')
    const lee = await world.join('Lee')
    const roundId = await createRound(fran.socket, soWhat, 'open_space', [{ name: 'Heat' }])
    const topicId = accepted(await request(lee.socket, 'topic:propose', { roundId, title: 'Heat pumps', line: '' })).id
    accepted(await request(fran.socket, 'round:open', { roundId }))
    const heat = roomId(await roundNow(fran.socket, roundId), 'Heat')
    accepted(await request(lee.socket, 'room:join', { roundId, roomId: heat }))
    const before = { fran: await stateWithoutTime(fran.socket), pat: await stateWithoutTime(pat.socket) }
    const patLog = recordBreakouts(pat.socket)

    const attempts = [
      request(pat.socket, 'round:create', { itemId: soWhat, mode: 'assigned', rooms: [{ name: 'Mine' }] }),
      request(pat.socket, 'round:spread', { roundId, by: { rooms: 2 }, mixKinds: true, sameCity: 'any' }),
      request(pat.socket, 'round:assign', { roundId, groups: [{ roomId: heat, memberIds: [pat.member.id] }] }),
      request(pat.socket, 'round:plan', { roundId, planned: { pat: heat } }),
      request(pat.socket, 'round:open', { roundId }),
      request(pat.socket, 'round:close', { roundId, countdownSeconds: 0 }),
      request(pat.socket, 'round:extend', { roundId, roomId: null, deltaMs: 10 * MIN }),
      request(pat.socket, 'round:warn', { roundId }),
      request(pat.socket, 'round:broadcast', { roundId, text: 'Everyone to the bar' }),
      request(pat.socket, 'round:reuse', { roundId, fromRoundId: roundId }),
      request(pat.socket, 'room:add', { roundId, name: 'My own room' }),
      request(pat.socket, 'room:update', { roundId, roomId: heat, name: 'Renamed' }),
      request(pat.socket, 'room:remove', { roundId, roomId: heat }),
      request(pat.socket, 'room:move', { roundId, memberId: lee.member.id, roomId: null }),
      request(pat.socket, 'topic:open', { roundId, topicId }),
      request(pat.socket, 'room:help', { roundId, on: true, roomId: heat }),
    ]
    for (const ack of await Promise.all(attempts)) expect(refusedWith(ack, 'forbidden')).not.toBe('')
    expect(await stateWithoutTime(fran.socket)).toEqual(before.fran)
    expect(await stateWithoutTime(pat.socket)).toEqual(before.pat)
    expect(patLog).toEqual({ rooms: [], controls: [] })
  })

  it('observers may not join rooms or propose topics', async () => {
    const world = await breakoutWorld()
    const obi = await world.join('Obi', '', null, 'observer')
    const roundId = await createRound(world.fran.socket, world.soWhat, 'open_space', [{ name: 'Heat' }])
    accepted(await request(world.fran.socket, 'round:open', { roundId }))
    const heat = roomId(await roundNow(obi.socket, roundId), 'Heat')
    refusedWith(await request(obi.socket, 'room:join', { roundId, roomId: heat }), 'forbidden')
    refusedWith(await request(obi.socket, 'topic:propose', { roundId, title: 'Mine', line: '' }), 'forbidden')
  })

  it('a room of another session cannot be joined or touched, and the refusal leaks nothing about it', async () => {
    const world = await breakoutWorld()
    const pat = await world.join('Pat')
    const ownRound = await createRound(world.fran.socket, world.soWhat, 'open_space', [{ name: 'Ours' }])
    accepted(await request(world.fran.socket, 'round:open', { roundId: ownRound }))

    const otherCreated = await createSessionWithCities(world.server.url, undefined, 'Olga Other')
    const olga = await connectSocket(world.server.url, otherCreated.memberToken)
    const breakout = olga.welcome.control.agenda.find((i) => i.kind === 'breakout')!.id
    const otherRound = await createRound(olga.socket, breakout, 'open_space', [{ name: 'Secret strategy room', capacity: 10 }])
    accepted(await request(olga.socket, 'round:open', { roundId: otherRound }))
    const otherRoom = roomId(await roundNow(olga.socket, otherRound), 'Secret strategy room')
    const theirs = await stateWithoutTime(olga.socket)
    const ours = await stateWithoutTime(world.fran.socket)

    const messages = [
      refusedWith(await request(pat.socket, 'room:join', { roundId: otherRound, roomId: otherRoom }), 'not_found'),
      refusedWith(await request(pat.socket, 'room:join', { roundId: ownRound, roomId: otherRoom }), 'not_found'),
      refusedWith(await request(pat.socket, 'topic:propose', { roundId: otherRound, title: 'Sneaky', line: '' }), 'not_found'),
      refusedWith(await request(world.fran.socket, 'round:close', { roundId: otherRound, countdownSeconds: 0 }), 'not_found'),
      refusedWith(await request(world.fran.socket, 'room:move', { roundId: ownRound, memberId: otherCreated.member.id, roomId: null }), 'not_found'),
    ]
    for (const message of messages) expect(message).not.toMatch(/Secret|Olga|strategy/)
    expect(messages[0]).toBe(messages[2])
    expect(await stateWithoutTime(olga.socket)).toEqual(theirs)
    expect(await stateWithoutTime(world.fran.socket)).toEqual(ours)
  })
})
