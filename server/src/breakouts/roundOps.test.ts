import { describe, expect, it } from 'vitest'
import type { BreakoutRound, ClientPayload, ControlState, Member, Room } from '@harvest/shared'
import { BREAKOUT_LIMITS, remainingMs, roomOf, roundPhase } from '@harvest/shared'
import { newControl } from '../control/newControl'
import { Refusal } from '../Refusal'
import { refusal } from '../testing/refusal'
import {
  addRoom, assertNotClosed, closeRound, createRound, extendRound, findRound, leaveRooms, openRound, placeArrival, placeIn, reuseGroups, smallestRoom,
} from './roundOps'

const T0 = 1_700_000_000_000
const MIN = 60_000

/** A new session's control: the Round 2 agenda, whose 4th and 5th items are breakouts. */
const fresh = (): ControlState => newControl({ leadId: 'lead', cities: [] }).state
const breakoutItem = (control: ControlState, nth = 0) => control.agenda.filter((i) => i.kind === 'breakout')[nth]!

const roomInput = (name: string, overrides: Partial<Omit<ClientPayload<'room:add'>, 'roundId'>> = {}) => ({
  name,
  topic: '',
  link: null,
  capacity: null,
  hostId: null,
  harvesterId: null,
  ...overrides,
})

/** A round on the first breakout item with rooms of the given names. */
function roundWith(control: ControlState, mode: BreakoutRound['mode'], names: string[] = [], proposersOpen = false) {
  return createRound(control, { itemId: breakoutItem(control).id, mode, proposersOpen, rooms: names.map((n) => roomInput(n)) })
}

let nextMember = 1
const member = (overrides: Partial<Member> = {}): Member => ({
  id: `m${nextMember++}`,
  sessionId: 's1',
  name: `Person ${nextMember}`,
  role: 'participant',
  city: 'Ghent',
  cityKind: 'pilot',
  joinedAt: T0,
  ...overrides,
})

const room = (round: BreakoutRound, name: string): Room => round.rooms.find((r) => r.name === name)!
const sizes = (round: BreakoutRound) => round.rooms.map((r) => r.memberIds.length)


describe('creating a round', () => {
  it('belongs to a breakout item, starts planned with fresh, empty rooms', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['North', 'South'])
    expect(control.rounds).toEqual([round])
    expect(round).toMatchObject({ itemId: breakoutItem(control).id, mode: 'assigned', status: 'planned', topics: [], closesAt: null, planned: {}, banner: null, warnedAt: null })
    expect(round.rooms.map((r) => [r.name, r.memberIds, r.extraMs, r.help])).toEqual([['North', [], 0, null], ['South', [], 0, null]])
    expect(new Set(round.rooms.map((r) => r.id)).size).toBe(2)
    expect(findRound(control, round.id)).toBe(round)
  })

  it('is refused on an item that is not a breakout, on an unknown item, and past the round limit', () => {
    const control = fresh()
    expect(refusal(() => createRound(control, { itemId: control.agenda[0]!.id, mode: 'assigned', proposersOpen: false, rooms: [] })).code).toBe('invalid')
    expect(refusal(() => createRound(control, { itemId: 'nope', mode: 'assigned', proposersOpen: false, rooms: [] })).code).toBe('not_found')
    for (let i = 0; i < BREAKOUT_LIMITS.roundsMax; i++) roundWith(control, 'open_space')
    const tooMany = refusal(() => roundWith(control, 'open_space'))
    expect(tooMany.code).toBe('invalid')
    expect(tooMany.message).toContain(`${BREAKOUT_LIMITS.roundsMax}`)
    expect(control.rounds).toHaveLength(BREAKOUT_LIMITS.roundsMax)
  })

  it('finds rounds by id only', () => {
    expect(refusal(() => findRound(fresh(), 'missing')).code).toBe('not_found')
  })

  it('adds rooms up to the limit', () => {
    const round = roundWith(fresh(), 'assigned')
    for (let i = 0; i < BREAKOUT_LIMITS.roomsMax; i++) addRoom(round, roomInput(`Room ${i + 1}`))
    expect(round.rooms).toHaveLength(BREAKOUT_LIMITS.roomsMax)
    expect(refusal(() => addRoom(round, roomInput('One too many'))).code).toBe('invalid')
  })
})

describe('opening and closing', () => {
  it('opens a planned round once; an assigned round needs rooms', () => {
    const control = fresh()
    const empty = roundWith(control, 'assigned')
    expect(refusal(() => openRound(control, empty, T0)).message).toMatch(/add rooms/)
    expect(empty.status).toBe('planned')
    addRoom(empty, roomInput('A'))
    openRound(control, empty, T0)
    expect(empty.status).toBe('open')
    expect(refusal(() => openRound(control, empty, T0)).message).toBe('this round is already open')
  })

  it('an open-space round may open without rooms: topics become rooms later', () => {
    const control = fresh()
    const round = roundWith(control, 'open_space')
    openRound(control, round, T0)
    expect(round.status).toBe('open')
  })

  it('runs one round at a time', () => {
    const control = fresh()
    const first = roundWith(control, 'assigned', ['A'])
    const second = roundWith(control, 'assigned', ['B'])
    openRound(control, first, T0)
    const busy = refusal(() => openRound(control, second, T0))
    expect(busy.code).toBe('conflict')
    expect(second.status).toBe('planned')
    closeRound(first, 0, T0 + MIN)
    openRound(control, second, T0 + MIN)
    expect(second.status).toBe('open')
  })

  it('closing counts down: closing until closesAt, closed from then on, without anyone touching it', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A'])
    openRound(control, round, T0)
    closeRound(round, 30, T0 + MIN)
    expect(round).toMatchObject({ status: 'closing', closesAt: T0 + MIN + 30_000 })
    expect(roundPhase(round, T0 + MIN + 29_999)).toBe('closing')
    expect(roundPhase(round, T0 + MIN + 30_000)).toBe('closed')
  })

  it('closing with no countdown closes at once', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A'])
    openRound(control, round, T0)
    closeRound(round, 0, T0)
    expect(round).toMatchObject({ status: 'closed', closesAt: T0 })
  })

  it('refuses to close a round twice, during its countdown or before it opened, and refuses to reopen it', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A'])
    expect(refusal(() => closeRound(round, 10, T0)).message).toBe('this round has not been opened')
    openRound(control, round, T0)
    closeRound(round, 10, T0)
    const during = refusal(() => closeRound(round, 10, T0 + 5_000))
    expect([during.code, during.message]).toEqual(['conflict', 'this breakout round is already closed'])
    expect(round.closesAt).toBe(T0 + 10_000)
    expect(refusal(() => closeRound(round, 10, T0 + 60_000)).code).toBe('conflict')
    expect(refusal(() => openRound(control, round, T0 + 60_000)).message).toBe('this breakout round is already closed')
    expect(() => assertNotClosed(round, T0 + 1)).toThrow(Refusal)
  })
})

describe('placing people', () => {
  it('moves a person between rooms and reports the rooms that changed', () => {
    const round = roundWith(fresh(), 'open_space', ['A', 'B'])
    expect(placeIn(round, 'pat', room(round, 'A'), { checkCapacity: true })).toEqual([room(round, 'A').id])
    expect(placeIn(round, 'pat', room(round, 'A'), { checkCapacity: true })).toEqual([])
    expect(placeIn(round, 'pat', room(round, 'B'), { checkCapacity: true })).toEqual([room(round, 'A').id, room(round, 'B').id])
    expect(roomOf(round, 'pat')?.name).toBe('B')
    expect(placeIn(round, 'pat', null, { checkCapacity: true })).toEqual([room(round, 'B').id])
    expect(roomOf(round, 'pat')).toBeNull()
    expect(sizes(round)).toEqual([0, 0])
  })

  it('a full room refuses a join with a clear message and nobody moves; the facilitator may still place people there', () => {
    const round = roundWith(fresh(), 'open_space')
    const small = addRoom(round, roomInput('Heat pumps', { capacity: 2 }))
    const other = addRoom(round, roomInput('Retrofit'))
    placeIn(round, 'a', small, { checkCapacity: true })
    placeIn(round, 'b', small, { checkCapacity: true })
    placeIn(round, 'c', other, { checkCapacity: true })
    const full = refusal(() => placeIn(round, 'c', small, { checkCapacity: true }))
    expect(full.code).toBe('conflict')
    expect(full.message).toBe('“Heat pumps” is full (2 of 2): choose another room')
    expect(roomOf(round, 'c')).toBe(other)
    expect(small.memberIds).toEqual(['a', 'b'])
    placeIn(round, 'c', small, { checkCapacity: false })
    expect(small.memberIds).toEqual(['a', 'b', 'c'])
  })

  it('the smallest room is the least full one with space', () => {
    const round = roundWith(fresh(), 'assigned')
    const a = addRoom(round, roomInput('A', { capacity: 1 }))
    const b = addRoom(round, roomInput('B'))
    const c = addRoom(round, roomInput('C'))
    expect(smallestRoom(round)).toBe(a)
    placeIn(round, 'x', a, { checkCapacity: true })
    expect(smallestRoom(round)).toBe(b)
    placeIn(round, 'y', b, { checkCapacity: true })
    expect(smallestRoom(round)).toBe(c)
    placeIn(round, 'z', c, { checkCapacity: true })
    b.capacity = 1
    c.capacity = 1
    expect(smallestRoom(round)).toBeNull()
  })
})

describe('someone removed from the session', () => {
  it('leaves the rooms of rounds planned, open or closing, and stays on record in closed ones', () => {
    const control = fresh()
    const closed = roundWith(control, 'assigned', ['Old'])
    openRound(control, closed, T0)
    placeIn(closed, 'pat', room(closed, 'Old'), { checkCapacity: false })
    closeRound(closed, 0, T0)
    const closing = createRound(control, { itemId: breakoutItem(control, 1).id, mode: 'assigned', proposersOpen: false, rooms: [roomInput('Now')] })
    openRound(control, closing, T0)
    placeIn(closing, 'pat', room(closing, 'Now'), { checkCapacity: false })
    placeIn(closing, 'lee', room(closing, 'Now'), { checkCapacity: false })
    closeRound(closing, 30, T0)
    const planned = roundWith(control, 'assigned', ['Next'])
    placeIn(planned, 'pat', room(planned, 'Next'), { checkCapacity: false })

    leaveRooms(control, 'pat', T0 + 1)
    expect([closed, closing, planned].map((r) => r.rooms[0]!.memberIds)).toEqual([['pat'], ['lee'], []])
  })
})

describe('people who arrive while a round is open', () => {
  function openAssigned(names: string[]) {
    const control = fresh()
    const round = roundWith(control, 'assigned', names)
    openRound(control, round, T0)
    return round
  }

  it('are placed in the room planned for their name, before their city', () => {
    const round = openAssigned(['North', 'South', 'East'])
    round.planned = { 'ana lopez': room(round, 'South').id, galway: room(round, 'North').id }
    const ana = member({ name: '  Ana Lopez ', city: 'Galway' })
    expect(placeArrival(round, ana, T0)).toEqual([room(round, 'South').id])
    const bo = member({ name: 'Bo', city: 'GALWAY ' })
    expect(placeArrival(round, bo, T0)).toEqual([room(round, 'North').id])
    expect(roomOf(round, ana.id)?.name).toBe('South')
    expect(roomOf(round, bo.id)?.name).toBe('North')
  })

  it('in an assigned round, anyone unplanned goes to the smallest room, so rooms stay even', () => {
    const round = openAssigned(['North', 'South', 'East'])
    placeIn(round, 'x', room(round, 'North'), { checkCapacity: false })
    placeIn(round, 'y', room(round, 'East'), { checkCapacity: false })
    const late = member()
    expect(placeArrival(round, late, T0)).toEqual([room(round, 'South').id])
    for (let i = 0; i < 6; i++) placeArrival(round, member(), T0)
    expect(sizes(round)).toEqual([3, 3, 3])
  })

  it('a planned room takes its people even when full; the planning is the facilitator’s decision', () => {
    const round = openAssigned(['North'])
    room(round, 'North').capacity = 1
    round.planned = { ghent: room(round, 'North').id }
    placeArrival(round, member(), T0)
    placeArrival(round, member(), T0)
    expect(sizes(round)).toEqual([2])
  })

  it('in open space, nobody is placed: they choose from the marketplace', () => {
    const control = fresh()
    const round = roundWith(control, 'open_space', ['Heat pumps'])
    openRound(control, round, T0)
    expect(placeArrival(round, member(), T0)).toEqual([])
    round.planned = { ghent: room(round, 'Heat pumps').id }
    expect(placeArrival(round, member({ city: 'Turku' }), T0)).toEqual([])
    expect(sizes(round)).toEqual([0])
  })

  it('is a no-op for someone already in a room, for other roles, and for rounds not open', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A', 'B'])
    const pat = member()
    expect(placeArrival(round, pat, T0)).toEqual([])
    openRound(control, round, T0)
    placeIn(round, pat.id, room(round, 'B'), { checkCapacity: false })
    expect(placeArrival(round, pat, T0)).toEqual([])
    expect(placeArrival(round, member({ role: 'harvester' }), T0)).toEqual([])
    expect(placeArrival(round, member({ role: 'facilitator' }), T0)).toEqual([])
    closeRound(round, 10, T0)
    expect(placeArrival(round, member(), T0 + 1)).toEqual([])
    expect(sizes(round)).toEqual([0, 1])
  })
})

describe('extending a running round', () => {
  it('for all rooms moves the agenda item clock; for one room adds extra time to that room only', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A', 'B'])
    openRound(control, round, T0)
    const item = breakoutItem(control)
    const before = remainingMs(item.clock, T0)
    extendRound(control, round, null, 5 * MIN, T0)
    expect(remainingMs(breakoutItem(control).clock, T0)).toBe(before + 5 * MIN)
    extendRound(control, round, room(round, 'B').id, 2 * MIN, T0)
    expect(round.rooms.map((r) => r.extraMs)).toEqual([0, 2 * MIN])
    extendRound(control, round, room(round, 'B').id, -5 * MIN, T0)
    expect(room(round, 'B').extraMs).toBe(0)
  })

  it('is refused for an unknown room and once the round is closed', () => {
    const control = fresh()
    const round = roundWith(control, 'assigned', ['A'])
    openRound(control, round, T0)
    expect(refusal(() => extendRound(control, round, 'nope', MIN, T0)).code).toBe('not_found')
    closeRound(round, 0, T0)
    expect(refusal(() => extendRound(control, round, null, MIN, T0)).code).toBe('conflict')
  })
})

describe('reusing the previous round’s groups', () => {
  it('copies names, hosts, links and people into fresh rooms of the new round', () => {
    const control = fresh()
    const first = roundWith(control, 'assigned', ['North', 'South'])
    Object.assign(room(first, 'North'), { hostId: 'h1', link: 'https://meet.example/n', capacity: 6, extraMs: MIN, help: { by: 'x', at: T0 } })
    placeIn(first, 'a', room(first, 'North'), { checkCapacity: false })
    placeIn(first, 'b', room(first, 'South'), { checkCapacity: false })
    openRound(control, first, T0)
    closeRound(first, 0, T0)

    const second = roundWith(control, 'assigned')
    reuseGroups(second, first)
    expect(second.rooms.map((r) => [r.name, r.hostId, r.link, r.capacity, r.memberIds, r.extraMs, r.help])).toEqual([
      ['North', 'h1', 'https://meet.example/n', 6, ['a'], 0, null],
      ['South', null, null, null, ['b'], 0, null],
    ])
    // Each round keeps rooms of its own: new ids, and changing one round leaves the other alone.
    for (const r of second.rooms) expect(first.rooms.map((f) => f.id)).not.toContain(r.id)
    placeIn(second, 'a', room(second, 'South'), { checkCapacity: false })
    expect(room(first, 'North').memberIds).toEqual(['a'])
  })

  it('only before the new round opens, and never from itself', () => {
    const control = fresh()
    const first = roundWith(control, 'assigned', ['A'])
    const second = roundWith(control, 'assigned', ['B'])
    expect(refusal(() => reuseGroups(first, first)).code).toBe('invalid')
    openRound(control, second, T0)
    expect(refusal(() => reuseGroups(second, first)).code).toBe('conflict')
    expect(second.rooms.map((r) => r.name)).toEqual(['B'])
  })
})
