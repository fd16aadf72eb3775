import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContext, type Route } from 'playwright-core'
import type { PdfPrinter } from '../Renderer'

const DEFAULT_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const FALLBACK = 'PDF export is unavailable; the HTML report prints to PDF from any browser'

/** The server cannot print PDFs at all (no browser, or it will not start); the PDF route answers 503 with the message. */
export class PdfUnavailable extends Error {
  override name = 'PdfUnavailable'

  /** The standard reason for a server without a Chromium executable. */
  static noChromium(path: string = DEFAULT_PATH): PdfUnavailable {
    return new PdfUnavailable(`this server has no Chromium at ${path}: ${FALLBACK}`)
  }
}

/** Every print slot is taken and the waiting line is full; the caller may try again shortly. */
export class PdfBusy extends Error {
  override name = 'PdfBusy'
}

/** One print took longer than the printer allows; its page has been closed. */
export class PdfTimeout extends Error {
  override name = 'PdfTimeout'
}

/** How the printer runs Chromium and how much work it takes on. */
export interface ChromiumPrinterOptions {
  /** Defaults to $CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string
  /** Prints running at once; default 2. */
  concurrency?: number
  /** Prints waiting for a slot before PdfBusy; default 20. */
  maxQueue?: number
  /** Per print, from taking a slot to the last byte; default 30 s. */
  timeoutMs?: number
  /** Called as each print opens its page, with the pages then open in the browser (tests and metrics). */
  onPageOpen?: (openPages: number) => void
}

interface Waiter {
  resolve: () => void
  reject: (error: Error) => void
}

/** Prints HTML to A4 PDF in one shared headless Chromium, a few jobs at a time and the rest in line. */
export class ChromiumPrinter implements PdfPrinter {
  private readonly executablePath: string
  private readonly concurrency: number
  private readonly maxQueue: number
  private readonly timeoutMs: number
  private readonly onPageOpen: ((openPages: number) => void) | undefined
  private browser: Promise<Browser> | null = null
  private running = 0
  private readonly waiting: Waiter[] = []
  private closed = false

  constructor(options: ChromiumPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? DEFAULT_PATH
    this.concurrency = Math.max(1, options.concurrency ?? 2)
    this.maxQueue = Math.max(0, options.maxQueue ?? 20)
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.onPageOpen = options.onPageOpen
  }

  /** Whether an executable file is at the path, so the server can decide at start whether it has a printer. */
  static async available(path: string = DEFAULT_PATH): Promise<boolean> {
    try {
      if (!(await stat(path)).isFile()) return false
      await access(path, constants.X_OK)
      return true
    } catch {
      return false
    }
  }

  /** Resolves to the PDF's bytes; rejects with PdfUnavailable, PdfBusy or PdfTimeout. */
  async print(html: string): Promise<Uint8Array> {
    if (this.closed) throw this.shutDown()
    await this.takeSlot()
    try {
      if (this.closed) throw this.shutDown()
      return await this.printPage(html)
    } finally {
      this.releaseSlot()
    }
  }

  /** Stops the browser and turns away queued and later prints; prints already running fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.shutDown())
    const launching = this.browser
    this.browser = null
    const browser = await launching?.catch(() => null)
    await browser?.close().catch(() => undefined)
  }

  private takeSlot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++
      return Promise.resolve()
    }
    if (this.waiting.length >= this.maxQueue) {
      return Promise.reject(new PdfBusy(`the PDF printer is busy (${this.running} printing, ${this.waiting.length} waiting): try again shortly`))
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }))
  }

  private releaseSlot(): void {
    // The freed slot passes straight to the next in line, so `running` only drops when nobody waits.
    const next = this.waiting.shift()
    if (next) next.resolve()
    else this.running--
  }

  private async printPage(html: string): Promise<Uint8Array> {
    const { browser, context } = await this.openContext()
    let timer: NodeJS.Timeout | undefined
    try {
      const work = (async () => {
        const page = await context.newPage()
        this.onPageOpen?.(browser.contexts().reduce((n, c) => n + c.pages().length, 0))
        await page.route('**/*', blockNetwork)
        await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs })
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      })()
      // After a timeout the context is closed below, so `work` rejects later with nobody listening.
      work.catch(() => undefined)
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PdfTimeout(`printing the PDF took longer than ${this.timeoutMs} ms`)), this.timeoutMs)
      })
      return await Promise.race([work, timeout])
    } finally {
      clearTimeout(timer)
      await context.close().catch(() => undefined)
    }
  }

  /** A fresh context per job, so nothing (storage, cache, a hung script) leaks from one report to the next. */
  private async openContext(): Promise<{ browser: Browser; context: BrowserContext }> {
    for (let attempt = 1; ; attempt++) {
      const browser = await this.liveBrowser()
      try {
        return { browser, context: await browser.newContext({ offline: true, serviceWorkers: 'block' }) }
      } catch (error) {
        // A crashed browser can look alive until its disconnect event arrives: drop it and start another, once.
        if (attempt > 1 || this.closed) throw error
        await this.forget(browser)
      }
    }
  }

  private async forget(browser: Browser): Promise<void> {
    const current = this.browser
    if (current && (await current.catch(() => null)) === browser && this.browser === current) this.browser = null
    await browser.close().catch(() => undefined)
  }

  /** The shared browser, launched on first use and again after it disconnects or crashes. */
  private liveBrowser(): Promise<Browser> {
    if (this.browser) return this.browser
    const launching = this.launch()
    this.browser = launching
    launching.then(
      (browser) => browser.on('disconnected', () => {
        if (this.browser === launching) this.browser = null
      }),
      () => {
        // A failed launch is not kept: the next print tries again.
        if (this.browser === launching) this.browser = null
      },
    )
    return launching
  }

  private async launch(): Promise<Browser> {
    if (!(await ChromiumPrinter.available(this.executablePath))) throw PdfUnavailable.noChromium(this.executablePath)
    try {
      return await chromium.launch({ executablePath: this.executablePath, args: FLAGS, timeout: this.timeoutMs })
    } catch (error) {
      const why = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)
      throw new PdfUnavailable(`Chromium at ${this.executablePath} would not start (${why}): ${FALLBACK}`)
    }
  }

  private shutDown(): PdfUnavailable {
    return new PdfUnavailable(`the PDF printer has shut down: ${FALLBACK}`)
  }
}

/** The report is self-contained, so any request the page makes is a mistake or an attack: refuse it. */
function blockNetwork(route: Route): Promise<void> {
  const url = route.request().url()
  if (url === 'about:blank' || url.startsWith('data:')) return route.continue()
  return route.abort('blockedbyclient')
}
