import { beforeEach, describe, expect, it } from 'vitest'
import { makeRoom, makeRound } from '../breakouts/testRounds'
import { selectRoomMembers, selectRoundMembers, useBreakoutStore } from './useBreakoutStore'

const store = () => useBreakoutStore.getState()

describe('the breakout store', () => {
  beforeEach(() => store().reset())

  it('takes membership from full states and deltas, and a room’s list changes only when its people do', () => {
    store().setRounds([makeRound('r', [makeRoom('a', ['pat']), makeRoom('b')])])
    const a = selectRoomMembers('r', 'a')(store())
    const b = selectRoomMembers('r', 'b')(store())
    store().mergeRooms('r', [{ roomId: 'b', memberIds: ['lee'] }])
    expect(selectRoomMembers('r', 'a')(store())).toBe(a)
    expect(selectRoomMembers('r', 'b')(store())).not.toBe(b)
    expect(selectRoundMembers('r')(store())).toEqual({ a: ['pat'], b: ['lee'] })
    // A full state that says the same keeps the same lists.
    store().setRounds([makeRound('r', [makeRoom('a', ['pat']), makeRoom('b', ['lee'])])])
    expect(selectRoomMembers('r', 'a')(store())).toBe(a)
  })

  it('a delta that changes nothing leaves the state as it was, so nothing re-renders', () => {
    store().setRounds([makeRound('r', [makeRoom('a', ['pat'])])])
    const before = store()
    store().mergeRooms('r', [{ roomId: 'a', memberIds: ['pat'] }])
    expect(store()).toBe(before)
  })

  it('unknown rooms read as empty, with one stable empty list', () => {
    expect(selectRoomMembers('x', 'y')(store())).toEqual([])
    expect(selectRoomMembers('x', 'y')(store())).toBe(selectRoomMembers('z', 'w')(store()))
    expect(selectRoundMembers(null)(store())).toEqual({})
  })

  it('remembers what this person dismissed until the session is left', () => {
    store().dismissBanner('b1')
    store().dismissWarning(42)
    expect([store().dismissedBanner, store().dismissedWarning]).toEqual(['b1', 42])
    store().reset()
    expect([store().dismissedBanner, store().dismissedWarning]).toEqual([null, null])
  })
})
