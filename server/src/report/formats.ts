import type { ReportFormat } from '@harvest/shared'
import type { FormatEntry } from './Renderer'
import { renderCsv } from './renderers/csv'
import { renderDocx } from './renderers/docx'
import { renderHtml } from './renderers/html'
import { renderJson } from './renderers/json'
import { renderMarkdown } from './renderers/markdown'
import { renderPdf } from './renderers/pdf'

/** Every export format: its renderer and how it is served. Adding a format is adding a row. */
export const FORMATS = {
  md: { render: renderMarkdown, contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { render: renderHtml, contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { render: renderPdf, contentType: 'application/pdf', extension: 'pdf' },
  docx: { render: renderDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  json: { render: renderJson, contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { render: renderCsv, contentType: 'text/csv; charset=utf-8', extension: 'csv' },
} satisfies Record<ReportFormat, FormatEntry>
