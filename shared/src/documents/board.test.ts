import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD_ROOTS,
  BOARD_SCHEMA_VERSION,
  CARD_FIELDS,
  fieldRule,
  PLENARY_AREA,
  addCard,
  boardVersion,
  cleanCardText,
  deleteCard,
  editCardText,
  getCards,
  listCards,
  migrateBoard,
  readCard,
  updateCard,
  type NewCard,
} from '../index'
import { LIMITS } from '../limits'

const newCard = (id: string, text = `card ${id}`): NewCard => ({
  id,
  text,
  authorId: 'member-1',
  authorName: 'Pat',
  city: 'Ghent',
  cityKind: 'pilot',
  area: PLENARY_AREA,
})

/** Sends everything `from` has that `to` lacks, the way a provider does. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

describe('cards', () => {
  it('addCard stores the card as given, with times, and readCard reads it back', () => {
    const doc = new Y.Doc()
    const card = addCard(doc, newCard('a', '  Green roofs cut heat  '), 1_000)
    expect(card).toMatchObject({ ...newCard('a'), text: 'Green roofs cut heat', createdAt: 1_000, updatedAt: 1_000 })
    expect(readCard('a', getCards(doc).get('a'))).toEqual(card)
  })

  it('keeps a new card in as few keys as it needs: its text, its byline in one value, and what differs from the defaults', () => {
    const doc = new Y.Doc()
    addCard(doc, { ...newCard('a'), kind: 'idea', area: 'room:3' }, 1_000)
    addCard(doc, newCard('b'), 1_000)
    const stored = (id: string) => getCards(doc).get(id)!.toJSON()
    expect(stored('a')).toEqual({ text: 'card a', kind: 'idea', area: 'room:3', byline: { authorId: 'member-1', authorName: 'Pat', city: 'Ghent', cityKind: 'pilot', createdAt: 1_000 } })
    // Values at their defaults are left out and read back as the defaults.
    expect(Object.keys(stored('b')).sort()).toEqual(['byline', 'text'])
    expect(readCard('b', getCards(doc).get('b'))).toMatchObject({ area: PLENARY_AREA, kind: null, levers: [], domains: [], tags: [], patternId: null, updatedAt: 1_000 })
  })

  it('merges concurrent changes to different fields of one card', () => {
    const author = new Y.Doc()
    const harvester = new Y.Doc()
    addCard(author, newCard('a'), 1_000)
    sync(author, harvester)
    editCardText(author, 'a', 'sharper wording', 2_000)
    updateCard(harvester, 'a', { kind: 'insight', tags: ['heat'] }, 2_001)
    sync(author, harvester)
    sync(harvester, author)
    expect(listCards(author)).toEqual(listCards(harvester))
    expect(listCards(author)[0]).toMatchObject({ text: 'sharper wording', kind: 'insight', tags: ['heat'], authorName: 'Pat' })
  })

  it('an edit moves updatedAt and leaves the byline as written', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a'), 1_000)
    editCardText(doc, 'a', 'edited', 4_000)
    expect(readCard('a', getCards(doc).get('a'))).toMatchObject({ text: 'edited', createdAt: 1_000, updatedAt: 4_000, authorName: 'Pat' })
  })

  it('reads a card written before bylines, each author field a key of its own, and a partial byline over them', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    getCards(doc).set('old', map)
    for (const [key, value] of Object.entries({ text: 'old', authorId: 'm2', authorName: 'Ann', city: 'Galway', cityKind: 'twin', createdAt: 7, updatedAt: 9, kind: null, levers: [], domains: [], tags: [], patternId: null, area: PLENARY_AREA })) map.set(key, value)
    expect(readCard('old', map)).toMatchObject({ authorId: 'm2', authorName: 'Ann', city: 'Galway', cityKind: 'twin', createdAt: 7, updatedAt: 9 })
    map.set('byline', { authorName: 'Ann B.' })
    expect(readCard('old', map)).toMatchObject({ authorId: 'm2', authorName: 'Ann B.', city: 'Galway', createdAt: 7 })
  })

  it('addCard is one document update, so other clients never see half a card', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    addCard(doc, newCard('a'))
    expect(updates).toBe(1)
  })

  it('listCards orders oldest first and breaks ties by id', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('c'), 2_000)
    addCard(doc, newCard('b'), 1_000)
    addCard(doc, newCard('z'), 1_500)
    addCard(doc, newCard('a'), 1_500)
    expect(listCards(doc).map((c) => c.id)).toEqual(['b', 'a', 'z', 'c'])
  })

  it('listCards skips entries that are not cards', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a'))
    doc.getMap<unknown>(BOARD_ROOTS.cards).set('junk', 'not a card')
    expect(listCards(doc).map((c) => c.id)).toEqual(['a'])
  })

  it('editCardText replaces the text, cleans it and moves updatedAt but not createdAt', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a', 'first'), 1_000)
    expect(editCardText(doc, 'a', '  second  ', 5_000)).toBe(true)
    expect(listCards(doc)[0]).toMatchObject({ text: 'second', createdAt: 1_000, updatedAt: 5_000 })
  })

  it('editCardText of a card that is gone changes nothing and says so', () => {
    const doc = new Y.Doc()
    expect(editCardText(doc, 'missing', 'text')).toBe(false)
    expect(listCards(doc)).toEqual([])
  })

  it('deleteCard removes the card once', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a'))
    addCard(doc, newCard('b'))
    expect(deleteCard(doc, 'a')).toBe(true)
    expect(listCards(doc).map((c) => c.id)).toEqual(['b'])
    expect(deleteCard(doc, 'a')).toBe(false)
  })
})

describe('cleanCardText', () => {
  it('trims and bounds text to the card limit', () => {
    expect(LIMITS.cardTextMax).toBe(2000)
    expect(cleanCardText('  hi  ')).toBe('hi')
    expect(cleanCardText('x'.repeat(2000))).toHaveLength(2000)
    expect(cleanCardText('x'.repeat(2001))).toHaveLength(2000)
    expect(cleanCardText(`  ${'y'.repeat(2500)}  `)).toBe('y'.repeat(2000))
  })

  it('is applied by addCard and editCardText', () => {
    const doc = new Y.Doc()
    expect(addCard(doc, newCard('a', 'x'.repeat(3000))).text).toHaveLength(2000)
    editCardText(doc, 'a', 'z'.repeat(2600))
    expect(listCards(doc)[0]?.text).toBe('z'.repeat(2000))
  })
})

describe('readCard', () => {
  it('returns null for anything that is not a map', () => {
    expect(readCard('a', undefined)).toBeNull()
    expect(readCard('a', 'text')).toBeNull()
    expect(readCard('a', { text: 'plain object' })).toBeNull()
    expect(readCard('a', new Y.Array())).toBeNull()
  })

  it('fills wrong or missing fields with safe values instead of throwing', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    doc.getMap<unknown>(BOARD_ROOTS.cards).set('rogue', map)
    map.set('text', 42)
    map.set('authorName', { html: '<b>' })
    map.set('cityKind', 'capital')
    map.set('area', '')
    map.set('createdAt', 'yesterday')
    map.set('updatedAt', Number.NaN)
    expect(readCard('rogue', map)).toMatchObject({
      id: 'rogue',
      text: '',
      authorId: '',
      authorName: '',
      city: '',
      cityKind: null,
      area: PLENARY_AREA,
      createdAt: 0,
      updatedAt: 0,
    })
  })

  it('bounds text written past the limit by another client', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    doc.getMap<unknown>(BOARD_ROOTS.cards).set('long', map)
    map.set('text', 'w'.repeat(5000))
    expect(readCard('long', map)?.text).toHaveLength(LIMITS.cardTextMax)
  })

  it('keeps twin as a city kind', () => {
    const doc = new Y.Doc()
    addCard(doc, { ...newCard('a'), cityKind: 'twin' })
    expect(listCards(doc)[0]?.cityKind).toBe('twin')
  })
})

describe('migrateBoard', () => {
  it('brings a new document to the current version', () => {
    const doc = new Y.Doc()
    expect(boardVersion(doc)).toBe(0)
    migrateBoard(doc)
    expect(boardVersion(doc)).toBe(BOARD_SCHEMA_VERSION)
  })

  it('is idempotent: a second run writes nothing and keeps the cards', () => {
    const doc = new Y.Doc()
    migrateBoard(doc)
    addCard(doc, newCard('a'))
    let updates = 0
    doc.on('update', () => updates++)
    migrateBoard(doc)
    expect(updates).toBe(0)
    expect(boardVersion(doc)).toBe(BOARD_SCHEMA_VERSION)
    expect(listCards(doc).map((c) => c.id)).toEqual(['a'])
  })

  it('moves each card written before version 3 into a byline, reading the same before and after', () => {
    const doc = new Y.Doc()
    const meta = doc.getMap(BOARD_ROOTS.meta)
    meta.set('schemaVersion', 2)
    const legacy = { text: 'old', kind: 'idea', authorId: 'm2', authorName: 'Ann', city: 'Galway', cityKind: 'twin', area: PLENARY_AREA, levers: ['finance'], domains: [], tags: ['x'], patternId: null, createdAt: 7, updatedAt: 9 }
    for (const id of ['old-1', 'old-2']) {
      const map = new Y.Map<unknown>()
      getCards(doc).set(id, map)
      for (const [key, value] of Object.entries(legacy)) map.set(key, value)
    }
    getCards(doc).get('old-2')!.delete('city')
    const before = listCards(doc)

    migrateBoard(doc)

    expect(boardVersion(doc)).toBe(BOARD_SCHEMA_VERSION)
    expect(listCards(doc)).toEqual(before)
    const migrated = getCards(doc).get('old-1')!
    expect([...migrated.keys()].sort()).toEqual(['area', 'byline', 'domains', 'kind', 'levers', 'patternId', 'tags', 'text', 'updatedAt'])
    expect(migrated.get('byline')).toEqual({ authorId: 'm2', authorName: 'Ann', city: 'Galway', cityKind: 'twin', createdAt: 7 })
    expect(getCards(doc).get('old-2')!.get('byline')).toMatchObject({ city: '' })
  })

  it('a client that has not migrated yet converges with the migrated board, its edit kept', () => {
    const server = new Y.Doc()
    server.getMap(BOARD_ROOTS.meta).set('schemaVersion', 2)
    const map = new Y.Map<unknown>()
    server.getMap<Y.Map<unknown>>(BOARD_ROOTS.cards).set('old', map)
    for (const [key, value] of Object.entries({ text: 'old', authorId: 'm2', authorName: 'Ann', city: 'Galway', cityKind: 'twin', area: PLENARY_AREA, createdAt: 7, updatedAt: 7 })) map.set(key, value)
    const client = new Y.Doc()
    sync(server, client)
    migrateBoard(server)
    editCardText(client, 'old', 'edited offline', 20)
    sync(server, client)
    sync(client, server)
    expect(listCards(client)).toEqual(listCards(server))
    expect(listCards(server)[0]).toMatchObject({ text: 'edited offline', authorName: 'Ann', city: 'Galway', createdAt: 7, updatedAt: 20 })
  })

  it('leaves a document that says it is newer alone', () => {
    const doc = new Y.Doc()
    doc.getMap(BOARD_ROOTS.meta).set('schemaVersion', BOARD_SCHEMA_VERSION + 1)
    migrateBoard(doc)
    expect(boardVersion(doc)).toBe(BOARD_SCHEMA_VERSION + 1)
  })
})

describe('two clients', () => {
  it('converge after exchanging updates, with concurrent adds, edits and deletes', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    addCard(alice, newCard('shared', 'original'), 1_000)
    sync(alice, bob)

    addCard(alice, newCard('from-alice'), 2_000)
    addCard(bob, newCard('from-bob'), 2_000)
    editCardText(bob, 'shared', 'edited by bob', 3_000)
    deleteCard(alice, 'from-alice')
    sync(alice, bob)
    sync(bob, alice)

    expect(listCards(alice)).toEqual(listCards(bob))
    expect(listCards(alice).map((c) => [c.id, c.text])).toEqual([
      ['shared', 'edited by bob'],
      ['from-bob', 'card from-bob'],
    ])
  })

  it('a full state update rebuilds the same board in a fresh document', () => {
    const source = new Y.Doc()
    migrateBoard(source)
    for (const id of ['x', 'y', 'z']) addCard(source, newCard(id), 1_000)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
    expect(listCards(copy)).toEqual(listCards(source))
    expect(boardVersion(copy)).toBe(BOARD_SCHEMA_VERSION)
  })
})

describe('the card field table', () => {
  it('is what readCard reads: every field of the table, the byline as its fields, and nothing else', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a'))
    getCards(doc).get('a')!.set('extra', 'ignored')
    expect(Object.keys(readCard('a', getCards(doc).get('a'))!).sort()).toEqual(['id', ...Object.keys(CARD_FIELDS).filter((key) => key !== 'byline')].sort())
  })

  it('takes a byline of known fields only, each by its rule', () => {
    const byline = fieldRule(CARD_FIELDS, 'byline')!
    expect(byline.allows({ authorId: 'm1', authorName: 'Pat', city: 'Ghent', cityKind: 'twin', createdAt: 5 })).toBe(true)
    expect(byline.allows({ authorId: 'm1' })).toBe(true)
    expect(byline.allows({ authorId: 'm1', role: 'facilitator' })).toBe(false)
    expect(byline.allows({ authorId: 'm1', cityKind: 'capital' })).toBe(false)
    expect(byline.allows({ authorName: 'x'.repeat(LIMITS.nameMax + 1) })).toBe(false)
    for (const value of [null, 'Pat', ['m1'], new Y.Map(), new Date()]) expect(byline.allows(value)).toBe(false)
  })

  it('finds only its own fields, never what every object inherits', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(fieldRule(CARD_FIELDS, key)).toBeNull()
    expect(fieldRule(CARD_FIELDS, 'text')?.allows('fine')).toBe(true)
  })
})
