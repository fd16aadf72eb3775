import { describe, expect, it } from 'vitest'
import { draftKey, forgetDraft, forgetSessionDrafts, loadDraft, saveDraft, takeDraft, type DraftStorage } from './cardDraft'

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size
    },
  }
}

const here = { sessionId: 's1', memberId: 'm1', area: 'plenary' }

describe('card drafts', () => {
  it('keeps a typed card per session, person and area until it is forgotten', () => {
    const storage = memoryStorage()
    saveDraft(storage, here, { text: 'Half a thought', kind: 'insight', levers: ['finance'] })
    expect(loadDraft(storage, here)).toEqual({ text: 'Half a thought', kind: 'insight', levers: ['finance'] })
    expect(loadDraft(storage, { ...here, area: 'story:x' })).toBeNull()
    expect(loadDraft(storage, { ...here, memberId: 'm2' })).toBeNull()
    expect(loadDraft(storage, { ...here, sessionId: 's2' })).toBeNull()
    forgetDraft(storage, here)
    expect(loadDraft(storage, here)).toBeNull()
  })

  it('brings this person’s draft from another area to where the composer opens, and nobody else’s', () => {
    const storage = memoryStorage()
    saveDraft(storage, { ...here, area: 'story:galway' }, { text: 'Mine, typed in the story', kind: 'outcome', levers: [] })
    saveDraft(storage, { ...here, memberId: 'm2', area: 'room:1' }, { text: 'Someone else’s', kind: null, levers: [] })
    saveDraft(storage, { ...here, sessionId: 's2' }, { text: 'Another session’s', kind: null, levers: [] })
    expect(takeDraft(storage, here)).toEqual({ text: 'Mine, typed in the story', kind: 'outcome', levers: [] })
    expect(loadDraft(storage, { ...here, area: 'story:galway' })).toBeNull()
    expect(loadDraft(storage, here)?.text).toBe('Mine, typed in the story')
    expect(takeDraft(storage, { ...here, memberId: 'm3' })).toBeNull()
    expect(storage.items.size).toBe(3)
  })

  it('forgets a whole session’s drafts when the session is forgotten on this device, and only that session’s', () => {
    const storage = memoryStorage()
    saveDraft(storage, here, { text: 'a', kind: null, levers: [] })
    saveDraft(storage, { ...here, memberId: 'm2', area: 'room:1' }, { text: 'b', kind: null, levers: [] })
    saveDraft(storage, { ...here, sessionId: 's10' }, { text: 'c', kind: null, levers: [] })
    forgetSessionDrafts(storage, 's1')
    expect([...storage.items.keys()]).toEqual([draftKey({ ...here, sessionId: 's10' })])
  })

  it('forgets a draft whose text was cleared', () => {
    const storage = memoryStorage()
    saveDraft(storage, here, { text: 'x', kind: null, levers: [] })
    saveDraft(storage, here, { text: '  ', kind: null, levers: [] })
    expect(storage.items.size).toBe(0)
  })

  it('reads a damaged or foreign value as no draft, and drops unknown kinds and levers', () => {
    const storage = memoryStorage()
    storage.setItem(draftKey(here), '{not json')
    expect(loadDraft(storage, here)).toBeNull()
    storage.setItem(draftKey(here), JSON.stringify({ text: 'kept', kind: 'nonsense', levers: ['finance', 'magic'] }))
    expect(loadDraft(storage, here)).toEqual({ text: 'kept', kind: null, levers: ['finance'] })
  })

  it('carries on when the browser refuses storage', () => {
    const refusing: DraftStorage = {
      length: 0,
      key: () => { throw new Error('denied') },
      getItem: () => { throw new Error('denied') },
      setItem: () => { throw new Error('quota') },
      removeItem: () => { throw new Error('denied') },
    }
    expect(() => saveDraft(refusing, here, { text: 'x', kind: null, levers: [] })).not.toThrow()
    expect(loadDraft(refusing, here)).toBeNull()
    expect(takeDraft(refusing, here)).toBeNull()
    expect(() => forgetDraft(refusing, here)).not.toThrow()
  })
})
