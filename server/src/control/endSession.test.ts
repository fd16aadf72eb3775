import { describe, expect, it } from 'vitest'
import { elapsedMs } from '@harvest/shared'
import type { BreakoutRound } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { endSession, reopenSession } from './endSession'
import { newControl } from './newControl'

const round = (status: BreakoutRound['status'], closesAt: number | null = null): BreakoutRound => ({
  id: `r-${status}`, itemId: 'i', mode: 'assigned', status, rooms: [], topics: [], proposersOpen: false, closesAt, planned: {}, banner: null, warnedAt: null,
})

describe('endSession', () => {
  it('pauses running clocks so their actual time is final', () => {
    const record = newControl({ leadId: null, cities: [{ name: 'Ghent', kind: 'pilot' }] })
    const item = record.state.agenda[0]!
    item.clock = { ...item.clock, runningSince: 1_000 }
    const story = record.state.stories[0]!
    story.tellClock = { ...story.tellClock, elapsedMs: 500, runningSince: 2_000 }
    endSession(record, 61_000)
    expect(item.clock.runningSince).toBeNull()
    expect(elapsedMs(item.clock, 999_999)).toBe(60_000)
    expect(story.tellClock.runningSince).toBeNull()
    expect(elapsedMs(story.tellClock, 999_999)).toBe(59_500)
    expect(record.state.endedAt).toBe(61_000)
  })

  it('closes open and closing rounds, leaves planned and closed ones, and closes an open vote', () => {
    const record = newControl({ leadId: null, cities: [] })
    record.state.rounds = [round('open'), round('closing', 90_000), round('planned'), round('closed', 10)]
    record.vote = { id: 'v', area: null, budget: 3, hidden: false, status: 'open', openedAt: 0, closedAt: null, dots: {} }
    endSession(record, 50_000)
    expect(record.state.rounds.map((r) => [r.status, r.closesAt])).toEqual([['closed', 50_000], ['closed', 50_000], ['planned', null], ['closed', 10]])
    expect(record.vote).toMatchObject({ status: 'closed', closedAt: 50_000 })
  })

  it('refuses to end twice or to reopen a running session', () => {
    const record = newControl({ leadId: null, cities: [] })
    expect(() => reopenSession(record.state)).toThrow(Refusal)
    endSession(record, 1)
    expect(() => endSession(record, 2)).toThrow(/already ended/)
    reopenSession(record.state)
    expect(record.state.endedAt).toBeNull()
  })
})
