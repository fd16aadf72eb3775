import { describe, expect, it } from 'vitest'
import { moveInProposal, proposalGroups, withPlan, withoutPlan } from './proposal'

describe('adjusting a spread proposal', () => {
  const proposal = [['a', 'b'], ['c'], ['d', 'e']]

  it('moves a person to another room and leaves the rest alone', () => {
    const moved = moveInProposal(proposal, 'a', 1)
    expect(moved).toEqual([['b'], ['c', 'a'], ['d', 'e']])
    expect(moved[2]).toBe(proposal[2])
    expect(proposal).toEqual([['a', 'b'], ['c'], ['d', 'e']])
  })

  it('ignores moves to the same room or out of range', () => {
    expect(moveInProposal(proposal, 'c', 1)).toBe(proposal)
    expect(moveInProposal(proposal, 'c', 7)).toBe(proposal)
  })

  it('fills existing rooms first, then creates numbered rooms, leaving empty new ones out', () => {
    expect(proposalGroups([['a'], ['b'], [], ['c']], ['r1'])).toEqual([
      { roomId: 'r1', memberIds: ['a'] },
      { roomId: null, name: 'Room 2', memberIds: ['b'] },
      { roomId: null, name: 'Room 4', memberIds: ['c'] },
    ])
    expect(proposalGroups([[], ['b']], ['r1', 'r2'])).toEqual([{ roomId: 'r1', memberIds: [] }, { roomId: 'r2', memberIds: ['b'] }])
  })
})

describe('planning arrivals by name or city', () => {
  it('keys plans in lower case, as the server matches them', () => {
    const planned = withPlan({}, '  Galway ', 'r1')
    expect(planned).toEqual({ galway: 'r1' })
    expect(withPlan(planned, 'Ana Lopez', 'r2')).toEqual({ galway: 'r1', 'ana lopez': 'r2' })
    expect(withPlan(planned, '   ', 'r2')).toEqual(planned)
    expect(withoutPlan({ galway: 'r1', ana: 'r2' }, 'galway')).toEqual({ ana: 'r2' })
  })
})
