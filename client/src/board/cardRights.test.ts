import { describe, expect, it } from 'vitest'
import { boardRights, cardRights, newCardFrom, ownsCard, parseTags, type BoardActor } from './cardRights'

const actor = (role: BoardActor['role'], overrides: Partial<BoardActor> = {}): BoardActor => ({
  role, memberId: 'me', ownKeys: ['me', 'anon:k'], ...overrides,
})

describe('card rights', () => {
  it('mirrors the server: participants write, curators curate, facilitators moderate, guests read', () => {
    expect(boardRights(actor('participant'))).toEqual({ write: true, curate: false, moderate: false, vote: true, harvest: false })
    expect(boardRights(actor('harvester'))).toEqual({ write: true, curate: true, moderate: false, vote: true, harvest: true })
    expect(boardRights(actor('facilitator')).moderate).toBe(true)
    expect(boardRights(actor('observer')).write).toBe(false)
    expect(boardRights(actor('facilitator', { memberId: null })).write).toBe(false)
  })

  it('leaves a participant read-only once the session has ended, while curators still curate', () => {
    expect(boardRights(actor('participant', { ended: true }))).toEqual({ write: false, curate: false, moderate: false, vote: false, harvest: false })
    expect(boardRights(actor('harvester', { ended: true }))).toEqual({ write: true, curate: true, moderate: false, vote: false, harvest: true })
    expect(cardRights(actor('participant', { ended: true }), { authorId: 'me' }).edit).toBe(false)
  })

  it('lets participants edit and delete only their own cards, under any of their keys', () => {
    const p = actor('participant')
    expect(cardRights(p, { authorId: 'me' })).toEqual({ edit: true, delete: true, move: false, group: false })
    expect(cardRights(p, { authorId: 'anon:k' }).edit).toBe(true)
    expect(cardRights(p, { authorId: 'other' })).toEqual({ edit: false, delete: false, move: false, group: false })
    expect(ownsCard(p, { authorId: '' })).toBe(false)
    expect(cardRights(actor('observer'), { authorId: 'me' }).edit).toBe(false)
  })

  it('lets harvesters and facilitators edit, move and group any card', () => {
    expect(cardRights(actor('harvester'), { authorId: 'other' })).toEqual({ edit: true, delete: true, move: true, group: true })
  })

  it('writes the author key, and no name on anonymous cards', () => {
    const writer = { name: 'Ana', city: 'Galway', cityKind: 'pilot' as const, authorKey: 'anon:k' }
    const fields = { id: 'c1', text: 'hi', kind: 'idea' as const, area: 'plenary', levers: [] }
    expect(newCardFrom(writer, fields, true)).toMatchObject({ authorId: 'anon:k', authorName: '', city: 'Galway', patternId: null })
    expect(newCardFrom({ ...writer, authorKey: 'me' }, fields, false)).toMatchObject({ authorId: 'me', authorName: 'Ana' })
  })

  it('parses free tags like the server bounds them', () => {
    expect(parseTags(' retrofit,  one-stop   shop , retrofit,,')).toEqual(['retrofit', 'one-stop shop'])
    expect(parseTags('x'.repeat(100))).toEqual(['x'.repeat(60)])
    expect(parseTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(','))).toHaveLength(20)
  })
})
