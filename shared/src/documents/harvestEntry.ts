import { LIMITS } from '../limits'
import type { CardKind, Lever } from '../taxonomy'
import { CARD_KINDS, LEVERS } from '../taxonomy'
import type { FieldTable } from './fields'
import { flag, listOf, oneOf, readRecord, text, time } from './fields'
import type { Migration } from './migrations'

/** Where an entry came from: a card, a pattern, or a key insight written in the harvest itself. */
export const ENTRY_SOURCES = ['card', 'pattern', 'insight'] as const

/** The W³ sections an entry is filed under (the harvest's other sections hold summaries only). */
export const ENTRY_SECTIONS = ['what', 'so_what', 'now_what'] as const

/** Something promoted into the harvest: a card, a pattern, or a key insight written there. */
export interface HarvestEntry {
  id: string
  source: (typeof ENTRY_SOURCES)[number]
  /** The card or pattern it was promoted from (empty for a written insight). */
  sourceId: string
  section: (typeof ENTRY_SECTIONS)[number]
  /** The text as promoted; the board can change afterwards without changing the harvest. */
  text: string
  kind: CardKind | null
  cities: string[]
  levers: Lever[]
  /** Marked by a harvester as a key insight: the report lists these first. */
  key: boolean
  promotedBy: string
  promotedAt: number
}

/** Every field an entry holds, with its rule: kinds and levers are read against the taxonomy, never cast. */
export const HARVEST_ENTRY_FIELDS: FieldTable<Omit<HarvestEntry, 'id'>> = {
  source: oneOf(ENTRY_SOURCES, 'unknown entry source', 'card'),
  sourceId: text(64, 'bad source'),
  section: oneOf(ENTRY_SECTIONS, 'unknown harvest section', 'so_what'),
  text: text(LIMITS.cardTextMax, `entry text is over ${LIMITS.cardTextMax.toLocaleString('en')} characters`),
  kind: oneOf(CARD_KINDS, 'unknown card kind', null),
  cities: listOf(null, LIMITS.citiesMax, LIMITS.cityMax, 'too many or too long city names'),
  levers: listOf(LEVERS, LEVERS.length, 100, 'unknown lever of change'),
  key: flag('a key insight is marked yes or no'),
  promotedBy: text(LIMITS.nameMax, 'name too long'),
  promotedAt: time(),
}

/** Reads an entry defensively; null when it is not an entry at all. */
export function readEntry(id: string, map: unknown): HarvestEntry | null {
  return readRecord(HARVEST_ENTRY_FIELDS, id, map)
}

/**
 * The named changes of the entry's shape, one per harvest version. Stored entries are never
 * rewritten: `readEntry` gives a field that came later its default.
 */
export const HARVEST_ENTRY_MIGRATIONS: readonly Migration[] = [
  { name: 'v1-initial-entries', up: () => {} },
  // Entries can be marked as key insights; an entry without the mark reads as not key.
  { name: 'v2-key-insights', up: () => {} },
]
