import type { Report, ReportEntry } from '@harvest/shared'

/** Every harvest entry of a report once, wherever the report lists it, key insights first. */
export function harvestEntries(report: Report): ReportEntry[] {
  const lists = [
    report.keyInsights,
    report.what.entries,
    ...report.what.stories.map((s) => s.promoted),
    report.soWhat.entries,
    ...report.soWhat.kinds.map((k) => k.entries),
    report.nowWhat.entries,
    ...report.nowWhat.kinds.map((k) => k.entries),
  ]
  const byId = new Map<string, ReportEntry>()
  for (const entry of lists.flat()) if (!byId.has(entry.id)) byId.set(entry.id, entry)
  return [...byId.values()]
}
