import * as Y from 'yjs'
import type { CardKind, Lever } from './taxonomy'

/**
 * The harvest document: the harvesters' synthesis, one per session, readable by everyone
 * live and writable only by harvesters and facilitators (the server enforces it).
 */
export const HARVEST_ROOTS = { entries: 'entries', summaries: 'summaries' } as const

/** Sections of the harvest report a harvester writes a summary for. */
export const HARVEST_SECTIONS = ['overall', 'what', 'so_what', 'now_what', 'levers'] as const
export type HarvestSection = (typeof HARVEST_SECTIONS)[number]

export const HARVEST_SECTION_LABELS: Record<HarvestSection, string> = {
  overall: 'Common themes',
  what: 'What?',
  so_what: 'So What?',
  now_what: 'Now What?',
  levers: 'Insights by lever of change',
}

/** Something promoted into the harvest: a card, a pattern, or a key insight written there. */
export interface HarvestEntry {
  id: string
  source: 'card' | 'pattern' | 'insight'
  /** The card or pattern it was promoted from (empty for a written insight). */
  sourceId: string
  section: Exclude<HarvestSection, 'overall' | 'levers'>
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

/** The map of harvest entries, keyed by id. */
export function getHarvestEntries(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(HARVEST_ROOTS.entries)
}

/** The summary text of a section, editable together like a shared document. */
export function getSummary(doc: Y.Doc, section: HarvestSection): Y.Text {
  const summaries = doc.getMap<Y.Text>(HARVEST_ROOTS.summaries)
  let text = summaries.get(section)
  if (!(text instanceof Y.Text)) {
    text = new Y.Text()
    summaries.set(section, text)
  }
  return text
}

/**
 * Creates every section's text once, on the server, when the document loads. If two harvesters'
 * browsers each created a missing section at the same moment, one of the two texts (and what was
 * typed into it) would lose the race for the map key.
 */
export function prepareHarvest(doc: Y.Doc): void {
  const summaries = doc.getMap<Y.Text>(HARVEST_ROOTS.summaries)
  const missing = HARVEST_SECTIONS.filter((section) => !(summaries.get(section) instanceof Y.Text))
  if (missing.length > 0) doc.transact(() => missing.forEach((section) => summaries.set(section, new Y.Text())))
}

/** Reads a summary without creating it (for readers and exports). */
export function readSummary(doc: Y.Doc, section: HarvestSection): string {
  const text = doc.getMap<Y.Text>(HARVEST_ROOTS.summaries).get(section)
  return text instanceof Y.Text ? text.toString() : ''
}

export function promote(doc: Y.Doc, entry: HarvestEntry): HarvestEntry {
  const map = new Y.Map<unknown>()
  doc.transact(() => {
    for (const [key, value] of Object.entries(entry)) if (key !== 'id') map.set(key, value)
    getHarvestEntries(doc).set(entry.id, map)
  })
  return entry
}

export function readEntry(id: string, map: unknown): HarvestEntry | null {
  if (!(map instanceof Y.Map)) return null
  const get = <T>(key: string, fallback: T): T => {
    const value = map.get(key)
    return typeof value === typeof fallback && value !== null ? (value as T) : fallback
  }
  const section = get('section', 'so_what')
  return {
    id,
    source: (['card', 'pattern', 'insight'].includes(get('source', '')) ? get('source', 'card') : 'card') as HarvestEntry['source'],
    sourceId: get('sourceId', ''),
    section: (['what', 'so_what', 'now_what'].includes(section) ? section : 'so_what') as HarvestEntry['section'],
    text: get('text', ''),
    kind: (map.get('kind') as CardKind | null) ?? null,
    cities: Array.isArray(map.get('cities')) ? (map.get('cities') as string[]) : [],
    levers: Array.isArray(map.get('levers')) ? (map.get('levers') as Lever[]) : [],
    key: map.get('key') === true,
    promotedBy: get('promotedBy', ''),
    promotedAt: get('promotedAt', 0),
  }
}

/** Every entry, in the order promoted. */
export function listEntries(doc: Y.Doc): HarvestEntry[] {
  const entries: HarvestEntry[] = []
  getHarvestEntries(doc).forEach((map, id) => {
    const entry = readEntry(id, map)
    if (entry) entries.push(entry)
  })
  return entries.sort((a, b) => a.promotedAt - b.promotedAt || a.id.localeCompare(b.id))
}

export function removeEntry(doc: Y.Doc, id: string): boolean {
  const entries = getHarvestEntries(doc)
  if (!entries.has(id)) return false
  entries.delete(id)
  return true
}

/** Where the harvest document's y-websocket endpoint lives; the room name is the session id. */
export const HARVEST_PATH = '/harvest'
