import * as Y from 'yjs'
import type { Card, CardPatch, NewCard } from './card'
import { cleanCardText, moveAuthorsIntoByline, readCard, storedCard } from './card'
import { listRecords } from './fields'
import type { Migration } from './migrations'
import { documentVersion, runMigrations } from './migrations'

/**
 * The shape of a session's board document. Root names live here and nowhere else:
 * outside the document files no code calls `doc.getMap('...')` with a string.
 */
export const BOARD_ROOTS = { cards: 'cards', patterns: 'patterns', meta: 'meta' } as const

type RecordMap = Y.Map<unknown>

/**
 * The named changes of the board's shape, one per version, run by the server when it loads a
 * board (migrateBoard). Readers read every version: `readCard` gives a field that came later its default.
 */
export const BOARD_MIGRATIONS: readonly Migration[] = [
  { name: 'v1-initial-cards', up: () => {} },
  // Kinds, tags and patterns (the card's patternId and the board's patterns map, which Yjs creates on first use).
  { name: 'v2-kinds-tags-patterns', up: () => {} },
  // A card's author, name, city, city kind and creation time in one value (card.ts, Byline).
  {
    name: 'v3-card-byline',
    up: (doc) => getCards(doc).forEach((map) => map instanceof Y.Map && moveAuthorsIntoByline(map)),
  },
]

/** Version of the document shape; a shape change adds a named migration to BOARD_MIGRATIONS. */
export const BOARD_SCHEMA_VERSION = BOARD_MIGRATIONS.length

/** The map of all cards, keyed by card id. */
export function getCards(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(BOARD_ROOTS.cards)
}

/** The map of all patterns, keyed by pattern id. */
export function getPatterns(doc: Y.Doc): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(BOARD_ROOTS.patterns)
}

function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.meta)
}

/** The shape version a document says it has (0 for a new, empty document). */
export function boardVersion(doc: Y.Doc): number {
  return documentVersion(getMeta(doc))
}

/** Brings a document up to the current shape. Only the server calls this, once per load. */
export function migrateBoard(doc: Y.Doc): void {
  runMigrations(doc, getMeta(doc), BOARD_MIGRATIONS)
}

/** Adds a card in one transaction and returns it as stored. */
export function addCard(doc: Y.Doc, input: NewCard, now = Date.now()): Card {
  const card: Card = {
    kind: null,
    levers: [],
    domains: [],
    tags: [],
    patternId: null,
    ...input,
    text: cleanCardText(input.text),
    createdAt: now,
    updatedAt: now,
  }
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(storedCard(card))) map.set(key, value)
    getCards(doc).set(card.id, map)
  })
  return card
}

/** One card by id, or null. */
export function getCard(doc: Y.Doc, id: string): Card | null {
  return readCard(id, getCards(doc).get(id))
}

/** All cards, oldest first (ties broken by id so every client shows the same order). */
export function listCards(doc: Y.Doc): Card[] {
  return listRecords(getCards(doc), readCard, (card) => card.createdAt)
}

/** Changes some fields of a card; returns false when the card no longer exists. */
export function updateCard(doc: Y.Doc, id: string, patch: CardPatch, now = Date.now()): boolean {
  const map = getCards(doc).get(id)
  if (!(map instanceof Y.Map)) return false
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      map.set(key, key === 'text' ? cleanCardText(value as string) : value)
    }
    map.set('updatedAt', now)
  })
  return true
}

/** Replaces a card's text; returns false when the card no longer exists. */
export function editCardText(doc: Y.Doc, id: string, text: string, now = Date.now()): boolean {
  return updateCard(doc, id, { text }, now)
}

/** Removes a card; returns false when it was already gone. */
export function deleteCard(doc: Y.Doc, id: string): boolean {
  const cards = getCards(doc)
  if (!cards.has(id)) return false
  cards.delete(id)
  return true
}
