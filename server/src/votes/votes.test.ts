import { describe, expect, it } from 'vitest'
import type { VoteRecord } from '../storage/Storage'
import { refusal } from '../testing/refusal'
import { castDot, voteView } from './votes'

const vote = (overrides: Partial<VoteRecord> = {}): VoteRecord => ({
  id: 'v1',
  area: null,
  budget: 3,
  hidden: false,
  status: 'open',
  openedAt: 1,
  closedAt: null,
  dots: {},
  ...overrides,
})

describe('castDot', () => {
  it('places dots up to the budget, on one card or several, and refuses one more', () => {
    const v = vote({ budget: 3 })
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c2', 1)
    expect(v.dots.ann).toEqual({ c1: 2, c2: 1 })

    expect(refusal(() => castDot(v, 'ann', 'c3', 1))).toMatchObject({ code: 'invalid', message: 'you have placed all 3 of your dots: take one back first' })
    expect(v.dots.ann).toEqual({ c1: 2, c2: 1 })
  })

  it('lets a person take a dot back and place it elsewhere; each person has their own budget', () => {
    const v = vote({ budget: 2 })
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c1', -1)
    castDot(v, 'ann', 'c2', 1)
    castDot(v, 'bob', 'c1', 1)
    castDot(v, 'bob', 'c1', 1)
    expect(v.dots).toEqual({ ann: { c1: 1, c2: 1 }, bob: { c1: 2 } })
  })

  it('never goes below zero: taking back a dot that is not there is refused', () => {
    const v = vote()
    expect(refusal(() => castDot(v, 'ann', 'c1', -1))).toMatchObject({ code: 'invalid', message: 'you have no dot on this card to take back' })
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c1', -1)
    // The card is gone from the person's dots rather than kept at zero.
    expect(v.dots.ann).toEqual({})
    expect(refusal(() => castDot(v, 'ann', 'c1', -1)).code).toBe('invalid')
    expect(v.dots.ann).toEqual({})
  })

  it('refuses placing or taking back once the vote is closed', () => {
    const v = vote({ status: 'closed', closedAt: 5, dots: { ann: { c1: 1 } } })
    for (const delta of [1, -1] as const) {
      expect(refusal(() => castDot(v, 'ann', 'c1', delta))).toMatchObject({ code: 'conflict', message: 'this vote is closed' })
    }
    expect(v.dots).toEqual({ ann: { c1: 1 } })
  })
})

describe('voteView', () => {
  const dots = { ann: { c1: 2, c2: 1 }, bob: { c1: 1 }, cy: {} }

  it('hides the totals of a hidden vote while it is open, from everyone', () => {
    const v = vote({ hidden: true, dots })
    for (const person of ['ann', 'bob', 'fran', null]) expect(voteView(v, person).totals).toBeNull()
  })

  it('shows the totals of a hidden vote once it is closed, the same to everyone', () => {
    const v = vote({ hidden: true, status: 'closed', closedAt: 9, dots })
    for (const person of ['ann', 'bob', null]) expect(voteView(v, person).totals).toEqual({ c1: 3, c2: 1 })
  })

  it('shows the totals of a live vote while it is open', () => {
    expect(voteView(vote({ hidden: false, dots }), 'bob').totals).toEqual({ c1: 3, c2: 1 })
  })

  it('shows each person only their own dots as `mine`; a guest has none', () => {
    const v = vote({ hidden: true, dots })
    expect(voteView(v, 'ann').mine).toEqual({ c1: 2, c2: 1 })
    expect(voteView(v, 'bob').mine).toEqual({ c1: 1 })
    expect(voteView(v, 'fran').mine).toEqual({})
    expect(voteView(v, null).mine).toEqual({})
  })

  it('does not let a view change the stored dots', () => {
    const v = vote({ dots: { ann: { c1: 1 } } })
    voteView(v, 'ann').mine.c1 = 99
    expect(v.dots.ann).toEqual({ c1: 1 })
  })

  it('counts as voters the people with at least one dot placed', () => {
    const v = vote({ budget: 2 })
    expect(voteView(v, null).voters).toBe(0)
    castDot(v, 'ann', 'c1', 1)
    castDot(v, 'ann', 'c2', 1)
    castDot(v, 'bob', 'c1', 1)
    expect(voteView(v, null).voters).toBe(2)
    // Someone who took every dot back no longer counts.
    castDot(v, 'bob', 'c1', -1)
    expect(voteView(v, 'bob')).toMatchObject({ voters: 1, mine: {}, totals: { c1: 1, c2: 1 } })
  })

  it('carries what the screen needs to draw the vote', () => {
    const v = vote({ area: 'story:s1', budget: 5, hidden: true })
    expect(voteView(v, 'ann')).toEqual({ id: 'v1', area: 'story:s1', budget: 5, hidden: true, status: 'open', totals: null, mine: {}, voters: 0 })
  })
})
