import { beforeEach, describe, expect, it } from 'vitest'
import type { Draft } from '@harvest/shared'
import { useBoardSessionStore } from './useBoardSessionStore'

const draft = (id: string, createdAt: number, text = id): Draft => ({ id, text, kind: null, area: 'plenary', levers: [], domains: [], createdAt })
const store = () => useBoardSessionStore.getState()

describe('the board session store', () => {
  beforeEach(() => store().reset())

  it('puts a saved draft in its place, replacing an older copy, and drops a deleted one', () => {
    store().setDrafts([draft('a', 1), draft('c', 3)])
    store().putDraft(draft('b', 2))
    store().putDraft(draft('a', 1, 'edited'))
    expect(store().drafts.map((d) => [d.id, d.text])).toEqual([['a', 'edited'], ['b', 'b'], ['c', 'c']])
    store().dropDraft('b')
    expect(store().drafts.map((d) => d.id)).toEqual(['a', 'c'])
  })
})
