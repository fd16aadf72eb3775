import * as Y from 'yjs'
import { listRecords, putRecord } from './fields'
import type { HarvestEntry } from './harvestEntry'
import { ENTRY_SECTIONS, HARVEST_ENTRY_MIGRATIONS, readEntry } from './harvestEntry'
import { documentVersion, runMigrations } from './migrations'

/**
 * The harvest document: the harvesters' synthesis, one per session, readable by everyone
 * live and writable only by harvesters and facilitators (the server enforces it).
 */
export const HARVEST_ROOTS = { entries: 'entries', summaries: 'summaries', meta: 'meta' } as const

/** Version of the document shape; a shape change adds a named migration (see HARVEST_ENTRY_MIGRATIONS). */
export const HARVEST_SCHEMA_VERSION = HARVEST_ENTRY_MIGRATIONS.length

/** Sections of the harvest report a harvester writes a summary for. */
export const HARVEST_SECTIONS = ['overall', ...ENTRY_SECTIONS, 'levers'] as const
export type HarvestSection = (typeof HARVEST_SECTIONS)[number]

export const HARVEST_SECTION_LABELS: Record<HarvestSection, string> = {
  overall: 'Common themes',
  what: 'What?',
  so_what: 'So What?',
  now_what: 'Now What?',
  levers: 'Insights by lever of change',
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

/** Adds an entry in one transaction. */
export function promote(doc: Y.Doc, entry: HarvestEntry): HarvestEntry {
  doc.transact(() => putRecord(getHarvestEntries(doc), entry))
  return entry
}

/** Every entry, in the order promoted. */
export function listEntries(doc: Y.Doc): HarvestEntry[] {
  return listRecords(getHarvestEntries(doc), readEntry, (entry) => entry.promotedAt)
}

/** Removes an entry; false when it was already gone. */
export function removeEntry(doc: Y.Doc, id: string): boolean {
  const entries = getHarvestEntries(doc)
  if (!entries.has(id)) return false
  entries.delete(id)
  return true
}

/** What a harvester marks on an entry after promoting it. */
export type EntryMarks = Partial<Pick<HarvestEntry, 'key' | 'cities'>>

/**
 * Marks an entry as a key insight or names the cities it came from, field by field, so two
 * harvesters marking the same entry at once keep both marks. False when the entry is gone.
 */
export function markEntry(doc: Y.Doc, id: string, marks: EntryMarks): boolean {
  const map = getHarvestEntries(doc).get(id)
  if (!(map instanceof Y.Map)) return false
  doc.transact(() => {
    if (marks.key !== undefined) map.set('key', marks.key)
    if (marks.cities !== undefined) map.set('cities', [...new Set(marks.cities)])
  })
  return true
}

/** The shape version a harvest document says it has (0 for a new, empty document). */
export function harvestVersion(doc: Y.Doc): number {
  return documentVersion(doc.getMap(HARVEST_ROOTS.meta))
}

/** Brings a freshly loaded harvest document to the current shape, with every section's text. Only the server calls this. */
export function migrateHarvest(doc: Y.Doc): void {
  doc.transact(() => {
    runMigrations(doc, doc.getMap(HARVEST_ROOTS.meta), HARVEST_ENTRY_MIGRATIONS)
    prepareHarvest(doc)
  })
}
