import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, ensurePdfTools, isPdf, pdfText } from '../../testing/pdfTools'
import { ChromiumPrinter, PdfBusy, PdfTimeout, PdfUnavailable } from './ChromiumPrinter'

// A real Chromium prints here; a machine without it installs it rather than skipping.
const SLOW = 120_000

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Harvest</title>` +
  `<style>@page { size: A4; margin: 20mm }</style></head><body>${body}</body></html>`

/** Chromium processes this test process started, whatever the printer says about itself. */
function chromiumChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')
      } catch {
        return false // gone while we looked
      }
    })
    .map(Number)
}

beforeAll(ensurePdfTools, 600_000)

describe('ChromiumPrinter', () => {
  let openPages: number[] = []
  const printer = new ChromiumPrinter({ executablePath: CHROMIUM, concurrency: 2, onPageOpen: (n) => openPages.push(n) })
  afterAll(() => printer.close(), SLOW)

  it('prints self-contained HTML to a PDF whose text reads back, Łódź included', async () => {
    const bytes = await printer.print(page('<h1>Harvest Report</h1><p>MARKER-7731 from Łódź and Umeå</p>'))
    expect(isPdf(bytes)).toBe(true)
    const text = pdfText(bytes)
    expect(text).toContain('MARKER-7731')
    expect(text).toContain('Łódź')
    expect(text).toContain('Umeå')
  }, SLOW)

  it('runs parallel prints two at a time in one browser, and every one succeeds', async () => {
    openPages = []
    const prints = Array.from({ length: 5 }, (_, i) => printer.print(page(`<p>JOB-${i}-DONE</p>`)))
    const results = await Promise.all(prints)
    results.forEach((bytes, i) => expect(pdfText(bytes)).toContain(`JOB-${i}-DONE`))
    expect(openPages).toHaveLength(5)
    expect(Math.max(...openPages)).toBeLessThanOrEqual(2)
    expect(chromiumChildren()).toHaveLength(1)
  }, SLOW)

  it('never lets the page fetch anything, and still prints', async () => {
    const hits: string[] = []
    const server = createServer((req, res) => {
      hits.push(req.url ?? '')
      res.end('x')
    })
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const bytes = await printer.print(page(
        `<img src="http://127.0.0.1:9/x.png"><img src="${origin}/img.png">` +
        `<link rel="stylesheet" href="${origin}/style.css"><script src="${origin}/app.js"></script>` +
        `<script>fetch('${origin}/fetch').catch(() => {})</script><iframe src="${origin}/frame"></iframe><p>OFFLINE-OK</p>`,
      ))
      expect(pdfText(bytes)).toContain('OFFLINE-OK')
      expect(hits).toEqual([])
    } finally {
      server.close()
    }
  }, SLOW)

  it('starts a new browser after the old one crashed', async () => {
    await printer.print(page('<p>before</p>'))
    const [pid] = chromiumChildren()
    expect(pid).toBeDefined()
    process.kill(pid!, 'SIGKILL')
    await expect.poll(() => chromiumChildren().includes(pid!), { timeout: SLOW }).toBe(false)
    const bytes = await printer.print(page('<p>AFTER-CRASH</p>'))
    expect(pdfText(bytes)).toContain('AFTER-CRASH')
  }, SLOW)
})

describe('ChromiumPrinter limits', () => {
  it('turns a print away as busy when every slot and the waiting line are full', async () => {
    const printer = new ChromiumPrinter({ executablePath: CHROMIUM, concurrency: 1, maxQueue: 1 })
    try {
      const first = printer.print(page('<p>first</p>'))
      const second = printer.print(page('<p>second</p>'))
      await expect(printer.print(page('<p>third</p>'))).rejects.toBeInstanceOf(PdfBusy)
      expect(isPdf(await first)).toBe(true)
      expect(isPdf(await second)).toBe(true)
    } finally {
      await printer.close()
    }
  }, SLOW)

  it('gives up on a page that never finishes loading, and prints the next one', async () => {
    const printer = new ChromiumPrinter({ executablePath: CHROMIUM, timeoutMs: 3_000 })
    try {
      await expect(printer.print(page('<script>for (;;) {}</script>'))).rejects.toBeInstanceOf(PdfTimeout)
      expect(pdfText(await printer.print(page('<p>NEXT-OK</p>')))).toContain('NEXT-OK')
    } finally {
      await printer.close()
    }
  }, SLOW)

  it('stops its browser process on close and refuses prints afterwards', async () => {
    const before = chromiumChildren()
    const printer = new ChromiumPrinter({ executablePath: CHROMIUM })
    await printer.print(page('<p>once</p>'))
    const started = chromiumChildren().filter((pid) => !before.includes(pid))
    expect(started).toHaveLength(1)
    await printer.close()
    await expect.poll(() => chromiumChildren().filter((pid) => started.includes(pid)), { timeout: SLOW }).toEqual([])
    await expect(printer.print(page('<p>late</p>'))).rejects.toBeInstanceOf(PdfUnavailable)
  }, SLOW)
})

describe('ChromiumPrinter without Chromium', () => {
  const missing = '/nonexistent/chromium'

  it('says no printer is available and rejects prints with the reason', async () => {
    expect(await ChromiumPrinter.available(missing)).toBe(false)
    const printer = new ChromiumPrinter({ executablePath: missing })
    const error = await printer.print(page('<p>x</p>')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PdfUnavailable)
    expect((error as Error).message).toContain(missing)
    expect((error as Error).message).toContain('HTML report')
  })

  it('finds the real one', async () => {
    expect(await ChromiumPrinter.available(CHROMIUM)).toBe(true)
  })
})
