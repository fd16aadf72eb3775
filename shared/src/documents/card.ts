import { PLENARY_AREA } from '../areas'
import { BOARD_LIMITS, LIMITS } from '../limits'
import type { CityKind } from '../roles'
import { CITY_KINDS } from '../roles'
import type { CardKind, EmissionDomain, Lever } from '../taxonomy'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from '../taxonomy'
import type { FieldTable } from './fields'
import { listOf, oneOf, readRecord, reference, text, time } from './fields'
import type { Migration } from './migrations'

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

/**
 * Every field a card may hold, with its rule: readers read cards by it, and the server's board
 * rules refuse a value it does not allow. A field not in this table is refused.
 */
export const CARD_FIELDS: FieldTable<Omit<Card, 'id'>> = {
  text: text(LIMITS.cardTextMax, `card text is over ${LIMITS.cardTextMax.toLocaleString('en')} characters`),
  kind: oneOf(CARD_KINDS, 'unknown card kind', null),
  authorId: text(100, 'bad author'),
  authorName: text(LIMITS.nameMax, 'author name too long'),
  city: text(LIMITS.cityMax, 'city name too long'),
  cityKind: oneOf(CITY_KINDS, 'city must be pilot or twin', null),
  area: text(BOARD_LIMITS.areaMax, 'area name too long', PLENARY_AREA),
  levers: listOf(LEVERS, LEVERS.length, 100, 'unknown lever of change'),
  domains: listOf(EMISSION_DOMAINS, EMISSION_DOMAINS.length, 100, 'unknown emission domain'),
  tags: listOf(null, BOARD_LIMITS.tagsPerCardMax, BOARD_LIMITS.tagMax, 'too many or too long tags'),
  patternId: reference('bad pattern'),
  createdAt: time(),
  updatedAt: time(),
}

/** Fields only harvesters and facilitators may change on a card (and a participant may not set on a new one). */
export const CURATOR_ONLY_CARD_FIELDS: ReadonlySet<string> = new Set(['patternId', 'authorId', 'authorName', 'city', 'cityKind'])

/** The fields of a card that say who wrote it; the server takes them from the writer's membership. */
export const CARD_AUTHOR_FIELDS = ['authorName', 'city', 'cityKind'] as const

/**
 * Reads a card defensively: the document is shared, so a field may be missing or of the
 * wrong type. Returns null when the entry is not a card at all.
 */
export function readCard(id: string, map: unknown): Card | null {
  return readRecord(CARD_FIELDS, id, map)
}

/** Trims and bounds card text the same way on every side. */
export function cleanCardText(value: string): string {
  return value.trim().slice(0, LIMITS.cardTextMax)
}

/**
 * The named changes of the card's shape, one per board version. Stored cards are never
 * rewritten: `readCard` gives a field that came later its default.
 */
export const CARD_MIGRATIONS: readonly Migration[] = [
  { name: 'v1-initial-cards', up: () => {} },
  // Kinds, tags and patterns (the card's patternId and the board's patterns map, which Yjs creates on first use).
  { name: 'v2-kinds-tags-patterns', up: () => {} },
]
