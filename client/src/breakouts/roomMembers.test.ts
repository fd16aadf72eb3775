import { describe, expect, it } from 'vitest'
import { membershipFrom, mergeRoomMembers, roomIdOf } from './roomMembers'
import { makeRoom, makeRound } from './testRounds'

const rounds = () => [makeRound('r1', [makeRoom('a', ['pat']), makeRoom('b', ['lee', 'kim'])]), makeRound('r2', [makeRoom('c')])]

describe('room membership on this screen', () => {
  it('is read from a full state, keeping unchanged lists as they were', () => {
    const first = membershipFrom(rounds(), {})
    expect(first).toEqual({ r1: { a: ['pat'], b: ['lee', 'kim'] }, r2: { c: [] } })
    const next = rounds()
    next[0]!.rooms[1]!.memberIds = ['lee']
    const second = membershipFrom(next, first)
    expect(second.r1!.a).toBe(first.r1!.a)
    expect(second.r1!.b).toEqual(['lee'])
    expect(second.r2!.c).toBe(first.r2!.c)
  })

  it('forgets rounds and rooms the full state no longer has', () => {
    const first = membershipFrom(rounds(), {})
    expect(membershipFrom([makeRound('r1', [makeRoom('a', ['pat'])])], first)).toEqual({ r1: { a: ['pat'] } })
  })

  it('merges a move: both rooms change, everything else keeps its identity', () => {
    const before = membershipFrom(rounds(), {})
    const after = mergeRoomMembers(before, 'r1', [{ roomId: 'a', memberIds: [] }, { roomId: 'b', memberIds: ['lee', 'kim', 'pat'] }])
    expect(after.r1).toEqual({ a: [], b: ['lee', 'kim', 'pat'] })
    expect(after.r2).toBe(before.r2)
    expect(before.r1!.a).toEqual(['pat'])
  })

  it('ignores what it cannot place and what did not change, returning the same object', () => {
    const before = membershipFrom(rounds(), {})
    expect(mergeRoomMembers(before, 'nope', [{ roomId: 'a', memberIds: [] }])).toBe(before)
    expect(mergeRoomMembers(before, 'r1', [{ roomId: 'zz', memberIds: ['x'] }])).toBe(before)
    expect(mergeRoomMembers(before, 'r1', [{ roomId: 'a', memberIds: ['pat'] }])).toBe(before)
  })

  it('applies deltas in the order they arrive, as the server sent them', () => {
    let m = membershipFrom(rounds(), {})
    m = mergeRoomMembers(m, 'r1', [{ roomId: 'a', memberIds: [] }, { roomId: 'b', memberIds: ['lee', 'kim', 'pat'] }])
    m = mergeRoomMembers(m, 'r1', [{ roomId: 'b', memberIds: ['lee', 'kim'] }, { roomId: 'a', memberIds: ['pat'] }])
    expect(m.r1).toEqual({ a: ['pat'], b: ['lee', 'kim'] })
  })

  it('finds the room a person is in', () => {
    const m = membershipFrom(rounds(), {})
    expect(roomIdOf(m.r1, 'kim')).toBe('b')
    expect(roomIdOf(m.r1, 'nobody')).toBeNull()
    expect(roomIdOf(m.r1, null)).toBeNull()
    expect(roomIdOf(undefined, 'kim')).toBeNull()
  })
})
