import { PLENARY_AREA } from '../areas'
import { BOARD_LIMITS, LIMITS } from '../limits'
import type { CityKind } from '../roles'
import { CITY_KINDS } from '../roles'
import type { CardKind, EmissionDomain, Lever } from '../taxonomy'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from '../taxonomy'
import * as Y from 'yjs'
import type { FieldRule, FieldTable } from './fields'
import { isPlainObject, listOf, oneOf, record, reference, text, time } from './fields'

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
 * Who wrote a card, for which city, and when. None of it changes once the card is written, so
 * since board version 3 it is one value under the card's `byline` key: one item for a joining
 * client to decode instead of five, and nothing lost, since nobody edits these fields side by side.
 */
export type Byline = Pick<Card, 'authorId' | 'authorName' | 'city' | 'cityKind' | 'createdAt'>

/** The byline's fields and their rules; each was a key of the card's own before version 3. */
export const BYLINE_FIELDS: FieldTable<Byline> = {
  authorId: text(100, 'bad author'),
  authorName: text(LIMITS.nameMax, 'author name too long'),
  city: text(LIMITS.cityMax, 'city name too long'),
  cityKind: oneOf(CITY_KINDS, 'city must be pilot or twin', null),
  createdAt: time(),
}

/** The byline's field names, in the table's order. */
export const BYLINE_KEYS = Object.keys(BYLINE_FIELDS) as readonly (keyof Byline)[]

/**
 * A card's keys as something to read them from: its Y.Map, or the fields an incoming update
 * writes (the board rules' view of a new card) — both have `get` and `has`.
 */
export interface CardKeys {
  get(key: string): unknown
  has(key: string): boolean
}

/** The keys of a card's map as stored. A value at its default (no kind, no levers…) is left out; readers fill it in. */
export interface StoredCard {
  text: string
  kind: CardKind | null
  area: string
  levers: Lever[]
  domains: EmissionDomain[]
  tags: string[]
  patternId: string | null
  /** Left out until the card is first changed: it then reads as its creation time. */
  updatedAt: number
  byline: Partial<Byline>
  /** The byline's fields as keys of their own: how cards were written before version 3, still read and accepted. */
  authorId: string
  authorName: string
  city: string
  cityKind: CityKind | null
  createdAt: number
}

/**
 * Every key a card's map may hold, with its rule: readers read cards by it, and the server's
 * board rules refuse a value it does not allow. A key not in this table is refused.
 */
export const CARD_FIELDS: FieldTable<StoredCard> = {
  text: text(LIMITS.cardTextMax, `card text is over ${LIMITS.cardTextMax.toLocaleString('en')} characters`),
  kind: oneOf(CARD_KINDS, 'unknown card kind', null),
  area: text(BOARD_LIMITS.areaMax, 'area name too long', PLENARY_AREA),
  levers: listOf(LEVERS, LEVERS.length, 100, 'unknown lever of change'),
  domains: listOf(EMISSION_DOMAINS, EMISSION_DOMAINS.length, 100, 'unknown emission domain'),
  tags: listOf(null, BOARD_LIMITS.tagsPerCardMax, BOARD_LIMITS.tagMax, 'too many or too long tags'),
  patternId: reference('bad pattern'),
  updatedAt: time(),
  byline: record(BYLINE_FIELDS, 'a byline holds only an author, their name, city and city kind, and a time'),
  ...BYLINE_FIELDS,
}

/** Keys only harvesters and facilitators may change on a card (and a participant may not set on a new one). */
export const CURATOR_ONLY_CARD_FIELDS: ReadonlySet<string> = new Set(['patternId', 'byline', 'authorId', 'authorName', 'city', 'cityKind', 'createdAt'])

/** The fields of a card that say who wrote it; the server takes them from the writer's membership. */
export const CARD_AUTHOR_FIELDS = ['authorName', 'city', 'cityKind'] as const

/** A stored byline as a plain object, or null when the card has none (written before version 3, or not by us). */
function storedByline(map: CardKeys): Record<string, unknown> | null {
  const value = map.get('byline')
  return isPlainObject(value) ? value : null
}

/**
 * One byline field as the card holds it: from its byline, else from a key of its own (older
 * cards, other clients); undefined when it holds neither.
 */
export function bylineValue(map: CardKeys, key: keyof Byline): unknown {
  const byline = storedByline(map)
  return byline && Object.hasOwn(byline, key) ? byline[key] : map.get(key)
}

/** Whether the card holds a byline field, in its byline or as a key of its own. */
export function hasBylineValue(map: CardKeys, key: keyof Byline): boolean {
  const byline = storedByline(map)
  return (byline !== null && Object.hasOwn(byline, key)) || map.has(key)
}

/** The byline a card reads as, each field by its rule. */
export function readByline(map: CardKeys): Byline {
  const byline = {} as Record<keyof Byline, unknown>
  for (const key of BYLINE_KEYS) byline[key] = BYLINE_FIELDS[key].read(bylineValue(map, key))
  return byline as Byline
}

/**
 * Reads a card defensively: the document is shared, so a field may be missing or of the
 * wrong type. Returns null when the entry is not a card at all.
 */
export function readCard(id: string, map: unknown): Card | null {
  if (!(map instanceof Y.Map)) return null
  const byline = readByline(map)
  const field = <K extends keyof StoredCard>(key: K): StoredCard[K] => (CARD_FIELDS[key] as FieldRule<StoredCard[K]>).read(map.get(key))
  return {
    id,
    text: field('text'),
    kind: field('kind'),
    ...byline,
    area: field('area'),
    levers: field('levers'),
    domains: field('domains'),
    tags: field('tags'),
    patternId: field('patternId'),
    updatedAt: map.has('updatedAt') ? field('updatedAt') : byline.createdAt,
  }
}

/**
 * A new card as its map's keys: the byline in one value, and only the fields that differ from
 * what a reader fills in (the plenary, no kind, no levers…), so a card typed in the plenary is
 * two or three items, not thirteen. Every field stays a key of its own once set, so concurrent
 * changes to different fields of one card still merge.
 */
export function storedCard(card: Card): Partial<StoredCard> {
  const { authorId, authorName, city, cityKind, createdAt } = card
  const stored: Partial<StoredCard> = { text: card.text, byline: { authorId, authorName, city, cityKind, createdAt } }
  if (card.area !== PLENARY_AREA) stored.area = card.area
  if (card.kind !== null) stored.kind = card.kind
  if (card.levers.length > 0) stored.levers = card.levers
  if (card.domains.length > 0) stored.domains = card.domains
  if (card.tags.length > 0) stored.tags = card.tags
  if (card.patternId !== null) stored.patternId = card.patternId
  if (card.updatedAt !== createdAt) stored.updatedAt = card.updatedAt
  return stored
}

/** Trims and bounds card text the same way on every side. */
export function cleanCardText(value: string): string {
  return value.trim().slice(0, LIMITS.cardTextMax)
}

/**
 * Board version 3 for one card: its author, name, city, city kind and creation time move from
 * keys of their own into its one `byline` value, as readByline reads them (a byline already there wins).
 */
export function moveAuthorsIntoByline(map: Y.Map<unknown>): void {
  const legacy = BYLINE_KEYS.filter((key) => map.has(key))
  if (legacy.length === 0) return
  map.set('byline', readByline(map))
  for (const key of legacy) map.delete(key)
}
