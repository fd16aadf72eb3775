import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD_LIMITS, PLENARY_AREA, addCard, createPattern, deleteCard, deletePattern, getCards, getPatterns, groupCards, listCards, renamePattern, updateCard,
} from '@harvest/shared'
import { yjsPeers } from '../testing/yjsPeers'
import type { Writer } from './boardPolicy'
import { checkBoardUpdate } from './boardPolicy'

const ann: Writer = { role: 'participant', ownIds: ['ann'] }
const bob: Writer = { role: 'participant', ownIds: ['bob'] }
const harvester: Writer = { role: 'harvester', ownIds: ['hana'] }

/** A server document and clients synced from it, with `send` doing what the endpoint does. */
function setup() {
  const { server, client, act } = yjsPeers()
  /** Checks, and applies to the server only what passes, as the endpoint does. */
  const send = (update: Uint8Array, writer: Writer) => {
    const refusal = checkBoardUpdate(server, update, writer)
    if (!refusal) Y.applyUpdate(server, update)
    return refusal
  }
  return { server, client, act, send }
}

const card = (id: string, authorId: string, text = 'A learning') => ({
  id, text, authorId, authorName: authorId, city: 'Galway', cityKind: 'pilot' as const, area: PLENARY_AREA,
})

describe('board policy', () => {
  it('lets a participant add, edit and delete their own card', () => {
    const { server, client, act, send } = setup()
    const doc = client()
    expect(send(act(doc, (d) => addCard(d, card('c1', 'ann'))), ann)).toBeNull()
    expect(send(act(doc, (d) => updateCard(d, 'c1', { text: 'Sharper', kind: 'insight', levers: ['finance'] })), ann)).toBeNull()
    expect(listCards(server)[0]).toMatchObject({ text: 'Sharper', kind: 'insight', levers: ['finance'] })
    expect(send(act(doc, (d) => deleteCard(d, 'c1')), ann)).toBeNull()
    expect(getCards(server).size).toBe(0)
  })

  it("refuses a participant's edit or delete of someone else's card, and leaves it intact", () => {
    const { server, client, act, send } = setup()
    send(act(client(), (d) => addCard(d, card('c1', 'ann', 'Ann wrote this'))), ann)
    const bobs = client()
    expect(send(act(bobs, (d) => updateCard(d, 'c1', { text: 'Bob rewrote it' })), bob)).toBe('you can only change your own cards')
    expect(send(act(client(), (d) => deleteCard(d, 'c1')), bob)).toBe('you can only change your own cards')
    expect(listCards(server).map((c) => c.text)).toEqual(['Ann wrote this'])
  })

  it('refuses a card written in somebody else’s name', () => {
    const { server, client, act, send } = setup()
    expect(send(act(client(), (d) => addCard(d, card('c1', 'ann'))), bob)).toBe('a new card must carry your own name')
    expect(getCards(server).size).toBe(0)
  })

  it('lets harvesters edit, tag and group anyone’s cards; participants may not group', () => {
    const { server, client, act, send } = setup()
    const annDoc = client()
    send(act(annDoc, (d) => addCard(d, card('c1', 'ann'))), ann)
    send(act(client(), (d) => addCard(d, card('c2', 'bob'))), bob)
    const pattern = { id: 'p1', name: 'Retrofit journeys', createdBy: 'hana', createdAt: 1 }
    expect(send(act(client(), (d) => groupCards(d, 'c1', 'c2', pattern)), bob)).toBe('only harvesters and facilitators group cards into patterns')
    expect(send(act(client(), (d) => groupCards(d, 'c1', 'c2', pattern)), harvester)).toBeNull()
    expect(listCards(server).map((c) => c.patternId)).toEqual(['p1', 'p1'])
    expect(send(act(client(), (d) => updateCard(d, 'c1', { kind: 'challenge', tags: ['heat pumps'] })), harvester)).toBeNull()
    // The author may still edit the text of a grouped card, but not take it out of the pattern.
    const synced = client()
    expect(send(act(synced, (d) => updateCard(d, 'c1', { text: 'Edited' })), ann)).toBeNull()
    expect(send(act(synced, (d) => updateCard(d, 'c1', { patternId: null })), ann)).toBe('only harvesters and facilitators group cards into patterns')
    expect(send(act(client(), (d) => createPattern(d, { ...pattern, id: 'p2' })), ann)).toBe('only harvesters and facilitators group cards into patterns')
  })

  it('while private writing is on, refuses a participant’s new card on the board but lets them edit their own', () => {
    const { server, client, act, send } = setup()
    const doc = client()
    expect(send(act(doc, (d) => addCard(d, card('c1', 'ann'))), ann)).toBeNull()
    let privateWriting = true
    const annPrivately: Writer = { ...ann, privateWriting: () => privateWriting }
    expect(send(act(client(), (d) => addCard(d, card('c2', 'ann'))), annPrivately)).toBe(
      'private writing is on: your cards stay private until the facilitator reveals them',
    )
    expect(send(act(doc, (d) => updateCard(d, 'c1', { text: 'Still mine to edit' })), annPrivately)).toBeNull()
    privateWriting = false
    expect(send(act(client(), (d) => addCard(d, card('c3', 'ann'))), annPrivately)).toBeNull()
    expect(listCards(server).map((c) => c.id)).toEqual(['c1', 'c3'])
  })

  it('refuses card text over 2,000 characters and unknown fields', () => {
    const { client, act, send } = setup()
    expect(send(act(client(), (d) => getCards(d).set('c1', mapWith({ text: 'x'.repeat(2001), authorId: 'ann' }))), ann)).toBe(
      'card text is over 2,000 characters',
    )
    expect(send(act(client(), (d) => getCards(d).set('c2', mapWith({ text: 'ok', authorId: 'ann', script: '<b>' }))), ann)).toBe(
      'unknown card field "script"',
    )
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses a field named %s as unknown, on a card and on a pattern', (key) => {
    const { server, client, act, send } = setup()
    send(act(client(), (d) => addCard(d, card('c1', 'hana'))), harvester)
    send(act(client(), (d) => void createPattern(d, { id: 'p1', name: 'Heat', createdBy: 'hana', createdAt: 1 })), harvester)
    expect(send(act(client(), (d) => getCards(d).get('c1')!.set(key, 'x')), harvester)).toBe(`unknown card field "${key}"`)
    expect(send(act(client(), (d) => getPatterns(d).get('p1')!.set(key, 'x')), harvester)).toBe(`bad pattern field "${key}"`)
    expect([...getCards(server).get('c1')!.keys()]).not.toContain(key)
    expect([...getPatterns(server).get('p1')!.keys()]).not.toContain(key)
  })

  it(`refuses a pattern beyond the board's ${BOARD_LIMITS.patternsMax.toLocaleString('en')}, and still lets patterns change`, () => {
    const { server, client, act, send } = setup()
    server.transact(() => {
      for (let i = 0; i < BOARD_LIMITS.patternsMax; i++) createPattern(server, { id: `p${i}`, name: `Pattern ${i}`, createdBy: 'hana', createdAt: i })
    })
    const doc = client()
    expect(send(act(doc, (d) => void createPattern(d, { id: 'one-more', name: 'One more', createdBy: 'hana', createdAt: 1 })), harvester)).toMatch(
      /at most 2,000/,
    )
    expect(getPatterns(server).has('one-more')).toBe(false)
    expect(send(act(client(), (d) => void renamePattern(d, 'p0', 'Renamed')), harvester)).toBeNull()
    expect(send(act(client(), (d) => void deletePattern(d, 'p1')), harvester)).toBeNull()
    expect(send(act(client(), (d) => void createPattern(d, { id: 'fits-again', name: 'Fits', createdBy: 'hana', createdAt: 2 })), harvester)).toBeNull()
  })

  it('refuses changes to the board metadata and to unknown roots', () => {
    const { client, act, send } = setup()
    expect(send(act(client(), (d) => d.getMap('meta').set('schemaVersion', 99)), harvester)).toMatch(/settings/)
    expect(send(act(client(), (d) => d.getMap('other').set('x', 1)), harvester)).toMatch(/unknown part/)
  })

  it('accepts a participant’s offline edits to their own cards merged with others’ concurrent ones', () => {
    const { server, client, act, send } = setup()
    const annDoc = client()
    send(act(annDoc, (d) => addCard(d, card('c1', 'ann'))), ann)
    const offline = client()
    const offlineEdits = act(offline, (d) => {
      updateCard(d, 'c1', { text: 'Written offline' })
      addCard(d, card('c3', 'ann', 'Another offline card'))
    })
    send(act(client(), (d) => addCard(d, card('c2', 'bob'))), bob)
    expect(send(offlineEdits, ann)).toBeNull()
    expect(listCards(server).map((c) => c.text).sort()).toEqual(['A learning', 'Another offline card', 'Written offline'])
  })

  it('keeps a card’s byline as written: a participant may not rewrite it or any field of it, a harvester may', () => {
    const { server, client, act, send } = setup()
    const annDoc = client()
    expect(send(act(annDoc, (d) => addCard(d, card('c1', 'ann'), 1_000)), ann)).toBeNull()
    const byline = getCards(server).get('c1')!.get('byline') as Record<string, unknown>
    const rewrite = (fields: Record<string, unknown>) => act(client(), (d) => getCards(d).get('c1')!.set('byline', { ...byline, ...fields }))
    expect(send(rewrite({ city: 'Elsewhere' }), ann)).toBe('a card keeps its author')
    expect(send(rewrite({ createdAt: 1 }), ann)).toBe('a card keeps its author')
    expect(send(act(client(), (d) => getCards(d).get('c1')!.set('createdAt', 1)), ann)).toBe('a card keeps the time it was written')
    // Writing what is there already changes nothing, and is taken.
    expect(send(rewrite({}), ann)).toBeNull()
    expect(send(act(client(), (d) => getCards(d).get('c1')!.set('authorName', 'ann')), ann)).toBeNull()
    expect(listCards(server)[0]).toMatchObject({ city: 'Galway', createdAt: 1_000 })
    expect(send(rewrite({ city: 'Galway City' }), harvester)).toBeNull()
    expect(listCards(server)[0]?.city).toBe('Galway City')
  })

  it('judges a new card by its byline: a byline in someone else’s name, or with fields it may not hold, is refused', () => {
    const { server, client, act, send } = setup()
    const byline = { authorId: 'ann', authorName: 'ann', city: 'Galway', cityKind: 'pilot', createdAt: 5 }
    const write = (id: string, fields: Record<string, unknown>) => act(client(), (d) => getCards(d).set(id, mapWith({ text: 'mine', area: PLENARY_AREA, ...fields })))
    expect(send(write('c1', { byline: { ...byline, authorId: 'bob' } }), ann)).toBe('a new card must carry your own name')
    expect(send(write('c2', { byline: { ...byline, admin: true } }), ann)).toBe('a byline holds only an author, their name, city and city kind, and a time')
    expect(send(write('c3', { byline }), ann)).toBeNull()
    // Written the way cards were before bylines, each author field a key of its own: still taken.
    expect(send(write('c4', byline), ann)).toBeNull()
    expect(listCards(server).map((c) => [c.id, c.authorId, c.createdAt])).toEqual([['c3', 'ann', 5], ['c4', 'ann', 5]])
  })
})

function mapWith(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  return map
}
