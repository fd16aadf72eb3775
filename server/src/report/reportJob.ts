import type { ReportFormat } from '@harvest/shared'
import { buildReport } from './buildReport'
import { FORMATS } from './formats'
import type { ReportSources } from './ReportSources'
import { toReportInput } from './toReportInput'

/** The formats the worker renders itself; a PDF leaves it as HTML and is printed by the browser. */
export type WorkerFormat = Exclude<ReportFormat, 'pdf'>

/** Builds the report from its sources and renders one format (no printer: PDFs come back as HTML). */
export async function runReportJob(sources: ReportSources, format: WorkerFormat): Promise<string | Uint8Array> {
  const report = buildReport(toReportInput(sources))
  return FORMATS[format].render(report, { pdf: null })
}
