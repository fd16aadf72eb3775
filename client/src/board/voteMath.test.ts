import { describe, expect, it } from 'vitest'
import type { VoteView } from '@harvest/shared'
import { cardVote, dotsLeft, dotsUsed, inVoteScope, rankByVotes, voteSummary } from './voteMath'

const vote = (overrides: Partial<VoteView> = {}): VoteView => ({
  id: 'v1',
  area: 'plenary',
  budget: 3,
  hidden: false,
  status: 'open',
  totals: { a: 4, b: 1 },
  mine: { a: 2 },
  voters: 3,
  ...overrides,
})

describe('vote math', () => {
  it('counts used and remaining dots', () => {
    expect(dotsUsed(vote())).toBe(2)
    expect(dotsLeft(vote())).toBe(1)
    expect(dotsLeft(vote({ mine: { a: 2, b: 2 } }))).toBe(0)
  })

  it('covers one area, or the whole board', () => {
    expect(inVoteScope(vote(), { area: 'plenary' })).toBe(true)
    expect(inVoteScope(vote(), { area: 'story:1' })).toBe(false)
    expect(inVoteScope(vote({ area: null }), { area: 'story:1' })).toBe(true)
  })

  it('shows own dots, the live total, and which buttons work', () => {
    expect(cardVote(vote(), { id: 'a', area: 'plenary' }, true)).toEqual({ mine: 2, total: 4, open: true, voter: true, canAdd: true, canRemove: true })
    expect(cardVote(vote(), { id: 'c', area: 'plenary' }, true)).toEqual({ mine: 0, total: 0, open: true, voter: true, canAdd: true, canRemove: false })
    expect(cardVote(vote({ mine: { a: 3 } }), { id: 'c', area: 'plenary' }, true)?.canAdd).toBe(false)
    expect(cardVote(vote(), { id: 'a', area: 'story:1' }, true)).toBeNull()
    expect(cardVote(null, { id: 'a', area: 'plenary' }, true)).toBeNull()
  })

  it('hides totals while hidden, and allows nothing when closed or for observers', () => {
    expect(cardVote(vote({ hidden: true, totals: null }), { id: 'a', area: 'plenary' }, true)?.total).toBeNull()
    const closed = cardVote(vote({ status: 'closed' }), { id: 'a', area: 'plenary' }, true)
    expect(closed).toMatchObject({ total: 4, canAdd: false, canRemove: false, open: false })
    expect(cardVote(vote(), { id: 'a', area: 'plenary' }, false)).toMatchObject({ voter: false, canAdd: false, canRemove: false })
  })

  it('ranks by dots, keeping the board order for ties', () => {
    const cards = [{ id: 'c' }, { id: 'b' }, { id: 'a' }, { id: 'd' }]
    expect(rankByVotes(cards, { a: 4, b: 1, d: 1 }).map((c) => c.id)).toEqual(['a', 'b', 'd', 'c'])
  })

  it('describes the vote in one line', () => {
    expect(voteSummary(vote({ hidden: true }), 'Plenary')).toBe('Dot vote on Plenary · results hidden until it closes · 3 voted so far')
    expect(voteSummary(vote({ status: 'closed', area: null, voters: 1 }), 'x')).toBe('Dot vote on the whole board closed · 1 person voted')
  })
})
