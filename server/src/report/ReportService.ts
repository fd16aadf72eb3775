import type { Report, ReportFormat } from '@harvest/shared'
import { FORMATS } from './formats'
import { PdfUnavailable } from './pdf/ChromiumPrinter'
import type { PdfPrinter } from './Renderer'
import type { ReportSources, SourceReader } from './ReportSources'
import { ReportWorker } from './ReportWorker'

/** A rendered report file, ready to send. */
export interface ReportFile {
  body: string | Uint8Array
  contentType: string
  extension: string
  session: ReportSources['session']
}

/**
 * Produces a session's report in any format: reads the sources on the event loop (a copy of
 * the state, quick), builds and renders in the worker, and prints PDFs with the shared browser.
 */
export class ReportService {
  private worker = new ReportWorker()

  constructor(
    private reader: SourceReader,
    private printer: PdfPrinter | null,
  ) {}

  /** Null when the session does not exist; throws PdfUnavailable for a PDF without a browser. */
  async render(sessionId: string, format: ReportFormat): Promise<ReportFile | null> {
    if (format === 'pdf' && !this.printer) throw PdfUnavailable.noChromium()
    const sources = await this.reader.read(sessionId)
    if (!sources) return null
    const { contentType, extension } = FORMATS[format]
    const rendered = await this.worker.run(sources, format === 'pdf' ? 'html' : format)
    const body = format === 'pdf' ? await this.printer!.print(String(rendered)) : rendered
    return { body, contentType, extension, session: sources.session }
  }

  /** The built report value of a session, from the worker (as its JSON export), or null when the session does not exist. */
  async report(sessionId: string): Promise<Report | null> {
    const sources = await this.reader.read(sessionId)
    if (!sources) return null
    return JSON.parse(String(await this.worker.run(sources, 'json'))) as Report
  }

  async close(): Promise<void> {
    await this.worker.close()
  }
}
