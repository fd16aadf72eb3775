import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ClientPayload, Member } from '@harvest/shared'
import { DEFAULT_BOARD_MODE, listCards } from '@harvest/shared'
import { anonymousKey } from '../authors/authorKey'
import type { ControlRecord } from '../storage/Storage'
import { refusal } from '../testing/refusal'
import { DRAFTS_PER_PERSON, deleteDraft, draftsOf, revealOnto, saveDraft, takeAllDrafts } from './drafts'

const record = (): ControlRecord => ({ state: { boardMode: DEFAULT_BOARD_MODE }, notes: {} }) as unknown as ControlRecord
const input = (text: string, id?: string): ClientPayload<'draft:save'> => ({ ...(id ? { id } : {}), text, kind: null, area: 'plenary', levers: [], domains: [] })
const ann: Member = { id: 'ann', sessionId: 's', name: 'Ann', role: 'participant', city: 'Ghent', cityKind: 'pilot', joinedAt: 0 }

describe('private drafts', () => {
  it('are saved, changed in place and deleted per person, never seen by another', () => {
    const r = record()
    const first = saveDraft(r, 'ann', input('first'), 10)
    saveDraft(r, 'ann', input('changed', first.id), 20)
    saveDraft(r, 'bob', input('bob'), 30)
    expect(draftsOf(r, 'ann')).toEqual([{ ...first, text: 'changed', createdAt: 10 }])
    deleteDraft(r, 'ann', first.id)
    expect(draftsOf(r, 'ann')).toEqual([])
    expect(draftsOf(r, 'bob').map((d) => d.text)).toEqual(['bob'])
    expect(refusal(() => deleteDraft(r, 'ann', first.id)).code).toBe('not_found')
    expect(refusal(() => saveDraft(r, 'bob', input('x', first.id), 40)).code).toBe('not_found')
  })

  it(`stop at ${DRAFTS_PER_PERSON} per person`, () => {
    const r = record()
    for (let i = 0; i < DRAFTS_PER_PERSON; i++) saveDraft(r, 'ann', input(`d${i}`), i)
    expect(refusal(() => saveDraft(r, 'ann', input('one more'), 0)).code).toBe('invalid')
  })

  it('are revealed as cards under the author, or their anonymous key without a name', () => {
    const r = record()
    saveDraft(r, 'ann', input('named'), 5)
    saveDraft(r, 'gone', input('left the session'), 6)
    const doc = new Y.Doc()
    const drafts = takeAllDrafts(r)
    expect(draftsOf(r, 'ann')).toEqual([])
    expect(revealOnto(doc, drafts, new Map([['ann', ann]]), 'secret', { ...DEFAULT_BOARD_MODE, anonymous: true })).toBe(1)
    expect(listCards(doc)).toMatchObject([{ text: 'named', authorId: anonymousKey('secret', 'ann'), authorName: '', city: 'Ghent', createdAt: 5 }])
  })
})
