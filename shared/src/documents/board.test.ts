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
  it('is what readCard reads: every field of the table and nothing else', () => {
    const doc = new Y.Doc()
    addCard(doc, newCard('a'))
    getCards(doc).get('a')!.set('extra', 'ignored')
    expect(Object.keys(readCard('a', getCards(doc).get('a'))!).sort()).toEqual(['id', ...Object.keys(CARD_FIELDS)].sort())
  })

  it('finds only its own fields, never what every object inherits', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(fieldRule(CARD_FIELDS, key)).toBeNull()
    expect(fieldRule(CARD_FIELDS, 'text')?.allows('fine')).toBe(true)
  })
})
