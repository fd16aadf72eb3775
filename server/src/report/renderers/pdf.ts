import type { Renderer } from '../Renderer'
import { PdfUnavailable } from '../pdf/ChromiumPrinter'
import { renderHtml } from './html'

/** The HTML report printed to A4 PDF by the server's browser; the HTML carries its own page margins and numbers. */
export const renderPdf: Renderer = async (report, ctx) => {
  if (!ctx.pdf) throw PdfUnavailable.noChromium()
  const html = await renderHtml(report, ctx)
  return ctx.pdf.print(typeof html === 'string' ? html : new TextDecoder().decode(html))
}
