import type { ProgrammeReport, ReportFormat } from '@harvest/shared'
import type { PdfPrinter } from '../Renderer'
import { PdfUnavailable } from '../pdf/ChromiumPrinter'
import { renderProgrammeCsv } from './programmeCsv'
import { renderProgrammeDocx } from './programmeDocx'
import { renderProgrammeHtml } from './programmeHtml'
import { renderProgrammeMarkdown } from './programmeMarkdown'

/** Renders the synthesis in one format; the PDF is its HTML printed by the server's browser. */
export type ProgrammeRenderer = (report: ProgrammeReport, pdf: PdfPrinter | null) => Promise<string | Uint8Array>

const renderProgrammePdf: ProgrammeRenderer = async (report, pdf) => {
  if (!pdf) throw PdfUnavailable.noChromium()
  return pdf.print(await renderProgrammeHtml(report))
}

/** Every format of the synthesis, the Harvest Report's own; adding one is adding a row. */
export const PROGRAMME_RENDERERS = {
  md: { render: renderProgrammeMarkdown, contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { render: renderProgrammeHtml, contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { render: renderProgrammePdf, contentType: 'application/pdf', extension: 'pdf' },
  docx: { render: renderProgrammeDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  json: { render: async (report: ProgrammeReport) => `${JSON.stringify(report, null, 2)}\n`, contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { render: renderProgrammeCsv, contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} satisfies Record<ReportFormat, { render: ProgrammeRenderer; contentType: string; extension: string }>
