import type { Report, ReportFormat } from '@harvest/shared'

/** Prints an HTML page to PDF; the server holds one, backed by a shared headless Chromium. */
export interface PdfPrinter {
  /** Resolves to the PDF's bytes; rejects with PdfUnavailable when the server has no browser. */
  print(html: string): Promise<Uint8Array>
  /** Stops the browser; called once when the server stops. */
  close(): Promise<void>
}

/** What a renderer may use beyond the report itself. */
export interface RenderContext {
  /** Null where the server has no Chromium: the PDF route then answers 503. */
  pdf: PdfPrinter | null
}

/** Renders the whole report in one format, from the report value alone. */
export type Renderer = (report: Report, ctx: RenderContext) => Promise<string | Uint8Array>

/** A format's renderer with how it is served. */
export interface FormatEntry {
  render: Renderer
  contentType: string
  /** File name extension, without the dot. */
  extension: string
}
