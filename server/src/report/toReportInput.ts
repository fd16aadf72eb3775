import * as Y from 'yjs'
import { HARVEST_SECTIONS, listCards, listEntries, listPatterns, readSummary } from '@harvest/shared'
import type { HarvestSection } from '@harvest/shared'
import type { ReportInput } from './ReportInput'
import type { ReportSources } from './ReportSources'

/** Decodes the documents of the sources into the plain records the builder reads. */
export function toReportInput(sources: ReportSources): ReportInput {
  const board = docOf(sources.board)
  const harvest = docOf(sources.harvest)
  const summaries = Object.fromEntries(HARVEST_SECTIONS.map((s) => [s, readSummary(harvest, s)])) as Record<HarvestSection, string>
  const input: ReportInput = {
    session: sources.session,
    members: sources.members,
    control: sources.control,
    notes: sources.notes,
    voteTotals: sources.voteTotals,
    cards: listCards(board),
    patterns: listPatterns(board),
    entries: listEntries(harvest),
    summaries,
    survey: sources.survey,
    now: sources.now,
  }
  board.destroy()
  harvest.destroy()
  return input
}

function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)))
  return doc
}
