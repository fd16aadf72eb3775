import { describe, expect, it } from 'vitest'
import type { PresentMember } from '@harvest/shared'
import { newClock, remainingMs } from '@harvest/shared'
import { makeCard } from '../board/testCards'
import { cardsPerArea, cardsPerRoom, liveRound, roomClock, roundName, roundsOf, seatsLeft, showWarning, unassigned } from './roundView'
import { makeRoom, makeRound } from './testRounds'

const T0 = 1_700_000_000_000

describe('which round runs', () => {
  it('is the open one, or the one counting down, until its countdown ends', () => {
    const planned = makeRound('p', [])
    const closing = makeRound('c', [], { status: 'closing', closesAt: T0 + 3000 })
    expect(liveRound([planned, closing], T0)).toBe(closing)
    expect(liveRound([planned, closing], T0 + 3000)).toBeNull()
    const open = makeRound('o', [], { status: 'open' })
    expect(liveRound([planned, open], T0)).toBe(open)
  })

  it('rounds are named by their place in the session and grouped by agenda item', () => {
    const rounds = [makeRound('a', [], { itemId: 'x' }), makeRound('b', [], { itemId: 'y' }), makeRound('c', [], { itemId: 'x' })]
    expect(roundsOf(rounds, 'x').map((r) => r.id)).toEqual(['a', 'c'])
    expect(roundName(rounds, rounds[2]!)).toBe('Round 3')
  })
})

describe('a room clock', () => {
  it('is the item clock plus the room’s extra time', () => {
    const clock = { ...newClock(30 * 60_000), runningSince: T0 }
    expect(roomClock({ clock }, 0)).toBe(clock)
    expect(remainingMs(roomClock({ clock }, 120_000), T0 + 60_000)).toBe(31 * 60_000)
  })
})

describe('the facilitator’s overview', () => {
  const person = (id: string, role: PresentMember['role'], online = true) => ({ id, role, online }) as PresentMember

  it('lists participants online who are in no room', () => {
    const members = [person('a', 'participant'), person('b', 'participant'), person('c', 'participant', false), person('d', 'harvester'), person('e', 'participant')]
    expect(unassigned(members, { r1: ['a'], r2: ['e'] }).map((m) => m.id)).toEqual(['b'])
    expect(unassigned(members, undefined).map((m) => m.id)).toEqual(['a', 'b', 'e'])
  })

  it('counts the cards each room wrote, from the board', () => {
    const round = makeRound('r', [makeRoom('a'), makeRoom('b')])
    const perArea = cardsPerArea([
      makeCard({ id: '1', area: 'room:r:a' }),
      makeCard({ id: '2', area: 'room:r:a' }),
      makeCard({ id: '3', area: 'plenary' }),
      makeCard({ id: '4', area: 'room:other:b' }),
    ])
    expect(cardsPerRoom(round, perArea)).toEqual({ a: 2, b: 0 })
  })

  it('shows seats left only for rooms with a capacity', () => {
    expect(seatsLeft(null, 4)).toBeNull()
    expect(seatsLeft(5, 4)).toBe(1)
    expect(seatsLeft(3, 4)).toBe(0)
  })
})

describe('the "one minute left" warning', () => {
  it('shows for two minutes after it was sent, unless dismissed', () => {
    expect(showWarning(null, null, T0)).toBe(false)
    expect(showWarning(T0, null, T0 + 1000)).toBe(true)
    expect(showWarning(T0, T0, T0 + 1000)).toBe(false)
    expect(showWarning(T0 + 5000, T0, T0 + 6000)).toBe(true)
    expect(showWarning(T0, null, T0 + 120_000)).toBe(false)
  })
})
