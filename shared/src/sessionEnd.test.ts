import { describe, expect, it } from 'vitest'
import { ROLES } from './roles'
import { REFUSED_WHEN_ENDED, isEnded, mayWriteBoard } from './sessionEnd'

describe('ending a session', () => {
  it('leaves the board to harvesters and facilitators once ended', () => {
    expect(ROLES.filter((role) => mayWriteBoard(role, false))).toEqual(['facilitator', 'harvester', 'participant'])
    expect(ROLES.filter((role) => mayWriteBoard(role, true))).toEqual(['facilitator', 'harvester'])
  })

  it('freezes clocks, the agenda and breakouts but not people, the report or the end itself', () => {
    for (const event of ['clock:command', 'agenda:goto', 'round:open', 'vote:cast', 'story:volunteer'] as const) expect(REFUSED_WHEN_ENDED.has(event)).toBe(true)
    for (const event of ['session:sync', 'report:share', 'session:reopen', 'member:setRole', 'notes:get', 'lead:set'] as const) expect(REFUSED_WHEN_ENDED.has(event)).toBe(false)
  })

  it('reads an ended time as ended and null as running', () => {
    expect(isEnded({ endedAt: 5 })).toBe(true)
    expect(isEnded({ endedAt: 0 })).toBe(true)
    expect(isEnded({ endedAt: null })).toBe(false)
    expect(isEnded(undefined)).toBe(false)
  })
})
