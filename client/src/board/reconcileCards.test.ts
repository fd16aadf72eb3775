import { describe, expect, it } from 'vitest'
import { reconcile } from './reconcileCards'
import { makeCard } from './testCards'

describe('reconcile', () => {
  const a = makeCard({ id: 'a', levers: ['finance'] })
  const b = makeCard({ id: 'b' })

  it('returns the previous list when nothing changed, even with fresh objects', () => {
    const prev = [a, b]
    expect(reconcile(prev, [{ ...a, levers: ['finance'] }, { ...b }])).toBe(prev)
  })

  it('keeps unchanged cards and takes changed ones', () => {
    const changed = { ...b, text: 'new' }
    const next = reconcile([a, b], [{ ...a }, changed])
    expect(next[0]).toBe(a)
    expect(next[1]).toBe(changed)
  })

  it('follows additions, removals and reordering', () => {
    const c = makeCard({ id: 'c' })
    const next = reconcile([a, b], [c, { ...a }])
    expect(next).toEqual([c, a])
    expect(next[1]).toBe(a)
  })
})
