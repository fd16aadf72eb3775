import { stringify } from 'csv-stringify/sync'
import type { ProgrammeReport } from '@harvest/shared'
import { LEVERS, LEVER_LABELS } from '@harvest/shared'
import { csvInert } from '../csvInert'

/** The CSV's columns: one row per session and lever, so a spreadsheet pivots mentions by cluster or round. */
export const PROGRAMME_CSV_COLUMNS = ['Session id', 'Session', 'Cluster', 'Round', 'Date', 'Lever', 'Mentions', 'Key insights naming the lever'] as const

/**
 * One row per session × lever of change (every lever, zero included, so sums are complete).
 * Mentions are the session report's own lever counts; key insights are counted from the harvest. Byte-order mark, CRLF and csvInert as in the report's CSV.
 */
export async function renderProgrammeCsv(report: ProgrammeReport): Promise<string> {
  const keys = report.clusters.flatMap((c) => c.keyInsights)
  const rows = report.sessions.flatMap((s) =>
    LEVERS.map((lever) => [
      s.id, s.title, s.cluster, s.round, s.date, LEVER_LABELS[lever],
      String(s.leverCounts[lever]),
      String(keys.filter((e) => e.sessionId === s.id && e.levers.includes(lever)).length),
    ]),
  )
  return stringify(
    rows.map((row) => row.map(csvInert)),
    { bom: true, header: true, columns: [...PROGRAMME_CSV_COLUMNS], record_delimiter: 'windows', quoted: true },
  )
}
