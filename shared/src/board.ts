import * as Y from 'yjs'
import { BOARD_LIMITS, LIMITS } from './limits'
import type { CityKind } from './roles'
import type { CardKind, EmissionDomain, Lever } from './taxonomy'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from './taxonomy'

/**
 * The shape of a session's board document. Root names live here and nowhere else:
 * outside the board files no code calls `doc.getMap('...')` with a string.
 */
export const BOARD_ROOTS = { cards: 'cards', patterns: 'patterns', meta: 'meta' } as const

/** Version of the document shape; a shape change adds a migration below. */
export const BOARD_SCHEMA_VERSION = 2

/** The area every session starts with; stories and breakout rooms add their own. */
export const PLENARY_AREA = 'plenary'
/** The board area of a story in the storytelling queue. */
export const storyArea = (storyId: string) => `story:${storyId}`

/** A sticky note on the board. */
export interface Card {
  id: string
  text: string
  /** W³ kind; null while nobody has sorted the card yet. */
  kind: CardKind | null
  /** The member who wrote it, or an opaque "anon:…" key when the session hides authors. */
  authorId: string
  authorName: string
  city: string
  cityKind: CityKind | null
  /** Which part of the board the card belongs to: the plenary, a story, a breakout room. */
  area: string
  levers: Lever[]
  domains: EmissionDomain[]
  /** Free tags. */
  tags: string[]
  /** The pattern the card was grouped into; a card belongs to at most one. */
  patternId: string | null
  createdAt: number
  updatedAt: number
}

/** Fields a writer may omit when adding a card. */
type Defaulted = 'kind' | 'levers' | 'domains' | 'tags' | 'patternId'

/** What a writer supplies; the accessor fills in times and defaults. */
export type NewCard = Omit<Card, 'createdAt' | 'updatedAt' | Defaulted> & Partial<Pick<Card, Defaulted>>

/** The fields of a card that can change after it is written. */
export type CardPatch = Partial<Pick<Card, 'text' | 'kind' | 'area' | 'levers' | 'domains' | 'tags' | 'patternId'>>

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
  // v2 adds kinds, tags and patterns; readCard defaults the new fields, so old cards need no rewrite.
  { name: 'v2-kinds-tags-patterns', up: (doc) => void doc.getMap(BOARD_ROOTS.patterns) },
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
  const map = new Y.Map<unknown>()
  doc.transact(() => {
    for (const [key, value] of Object.entries(card)) if (key !== 'id') map.set(key, value)
    getCards(doc).set(card.id, map)
  })
  return card
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | null =>
  allowed.includes(value as T) ? (value as T) : null
const listOf = <T extends string>(allowed: readonly T[] | null, value: unknown): T[] =>
  Array.isArray(value) ? (value.filter((v) => typeof v === 'string' && (!allowed || allowed.includes(v as T))) as T[]) : []

/**
 * Reads a card defensively: the document is shared, so a field may be missing or of the
 * wrong type. Returns null when the entry is not a card at all.
 */
export function readCard(id: string, map: unknown): Card | null {
  if (!(map instanceof Y.Map)) return null
  const patternId = map.get('patternId')
  return {
    id,
    text: str(map.get('text')).slice(0, LIMITS.cardTextMax),
    kind: oneOf(CARD_KINDS, map.get('kind')),
    authorId: str(map.get('authorId')),
    authorName: str(map.get('authorName')),
    city: str(map.get('city')),
    cityKind: oneOf(['pilot', 'twin'] as const, map.get('cityKind')),
    area: str(map.get('area')) || PLENARY_AREA,
    levers: listOf(LEVERS, map.get('levers')),
    domains: listOf(EMISSION_DOMAINS, map.get('domains')),
    tags: listOf(null, map.get('tags')).slice(0, BOARD_LIMITS.tagsPerCardMax),
    patternId: typeof patternId === 'string' && patternId ? patternId : null,
    createdAt: num(map.get('createdAt')),
    updatedAt: num(map.get('updatedAt')),
  }
}

/** One card by id, or null. */
export function getCard(doc: Y.Doc, id: string): Card | null {
  return readCard(id, getCards(doc).get(id))
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
