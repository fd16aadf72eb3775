import * as Y from 'yjs'
import { LIMITS } from './limits'
import type { CityKind } from './roles'

/**
 * The shape of a session's board document. Root names live here and nowhere else:
 * outside this file no code calls `doc.getMap('...')` with a string.
 */
export const BOARD_ROOTS = { cards: 'cards', meta: 'meta' } as const

/** Version of the document shape; a shape change adds a migration below. */
export const BOARD_SCHEMA_VERSION = 1

/** The area every session starts with; stories and breakout rooms add their own later. */
export const PLENARY_AREA = 'plenary'

/** A sticky note on the board. */
export interface Card {
  id: string
  text: string
  authorId: string
  authorName: string
  city: string
  cityKind: CityKind | null
  /** Which part of the board the card belongs to: the plenary, a story, a breakout room. */
  area: string
  createdAt: number
  updatedAt: number
}

/** What a writer supplies; the accessor fills in times. */
export type NewCard = Omit<Card, 'createdAt' | 'updatedAt'>

type CardMap = Y.Map<unknown>

/** The map of all cards, keyed by card id. */
export function getCards(doc: Y.Doc): Y.Map<CardMap> {
  return doc.getMap<CardMap>(BOARD_ROOTS.cards)
}

function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.meta)
}

/** Named, ordered migrations; each brings a document from version i to i + 1. */
const MIGRATIONS: ReadonlyArray<{ name: string; up: (doc: Y.Doc) => void }> = [
  { name: 'v1-initial-cards', up: () => {} },
]

/** The shape version a document says it has (0 for a new, empty document). */
export function boardVersion(doc: Y.Doc): number {
  const value = getMeta(doc).get('schemaVersion')
  return typeof value === 'number' ? value : 0
}

/** Brings a document up to the current shape. Only the server calls this, once per load. */
export function migrateBoard(doc: Y.Doc): void {
  const from = boardVersion(doc)
  if (from >= BOARD_SCHEMA_VERSION) return
  doc.transact(() => {
    for (const migration of MIGRATIONS.slice(from)) migration.up(doc)
    getMeta(doc).set('schemaVersion', BOARD_SCHEMA_VERSION)
  })
}

/** Trims and bounds card text the same way on every side. */
export function cleanCardText(text: string): string {
  return text.trim().slice(0, LIMITS.cardTextMax)
}

/** Adds a card in one transaction and returns it as stored. */
export function addCard(doc: Y.Doc, input: NewCard, now = Date.now()): Card {
  const card: Card = { ...input, text: cleanCardText(input.text), createdAt: now, updatedAt: now }
  const map = new Y.Map<unknown>()
  doc.transact(() => {
    for (const [key, value] of Object.entries(card)) map.set(key, value)
    getCards(doc).set(card.id, map)
  })
  return card
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/**
 * Reads a card defensively: the document is shared, so a field may be missing or of the
 * wrong type. Returns null when the entry is not a card at all.
 */
export function readCard(id: string, map: unknown): Card | null {
  if (!(map instanceof Y.Map)) return null
  const kind = map.get('cityKind')
  return {
    id,
    text: str(map.get('text')).slice(0, LIMITS.cardTextMax),
    authorId: str(map.get('authorId')),
    authorName: str(map.get('authorName')),
    city: str(map.get('city')),
    cityKind: kind === 'pilot' || kind === 'twin' ? kind : null,
    area: str(map.get('area')) || PLENARY_AREA,
    createdAt: num(map.get('createdAt')),
    updatedAt: num(map.get('updatedAt')),
  }
}

/** All cards, oldest first (ties broken by id so every client shows the same order). */
export function listCards(doc: Y.Doc): Card[] {
  const cards: Card[] = []
  getCards(doc).forEach((map, id) => {
    const card = readCard(id, map)
    if (card) cards.push(card)
  })
  return cards.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Replaces a card's text; returns false when the card no longer exists. */
export function editCardText(doc: Y.Doc, id: string, text: string, now = Date.now()): boolean {
  const map = getCards(doc).get(id)
  if (!(map instanceof Y.Map)) return false
  doc.transact(() => {
    map.set('text', cleanCardText(text))
    map.set('updatedAt', now)
  })
  return true
}

/** Removes a card; returns false when it was already gone. */
export function deleteCard(doc: Y.Doc, id: string): boolean {
  const cards = getCards(doc)
  if (!cards.has(id)) return false
  cards.delete(id)
  return true
}
