import { CARD_KINDS, LEVERS } from '@harvest/shared'
import type { Card, ReportFormat } from '@harvest/shared'
import { buildReport } from '../src/report/buildReport'
import { fixtureSessionInput } from '../src/report/fixtureSession'
import { FORMATS } from '../src/report/formats'
import { ChromiumPrinter } from '../src/report/pdf/ChromiumPrinter'
import type { ReportInput } from '../src/report/ReportInput'
import { percentile } from './stats'

/** The fixture session with `count` cards spread over its areas, kinds, cities and its pattern. */
export function largeReportInput(count: number): ReportInput {
  const base = fixtureSessionInput()
  const areas = [...new Set(base.cards.map((c) => c.area))]
  const writers = base.members.filter((m) => m.city)
  const cards: Card[] = Array.from({ length: count }, (_, i) => {
    const writer = writers[i % writers.length]!
    return {
      id: `bench-${i}`,
      text: `Card ${i}: what ${writer.city} learned about retrofitting apartment blocks and engaging residents early, in their own words.`,
      kind: i % 11 === 0 ? null : CARD_KINDS[i % CARD_KINDS.length]!,
      authorId: writer.id,
      authorName: writer.name,
      city: writer.city,
      cityKind: writer.cityKind,
      area: areas[i % areas.length]!,
      levers: [LEVERS[i % LEVERS.length]!],
      domains: [],
      tags: i % 7 === 0 ? ['bench'] : [],
      patternId: i % 25 === 0 ? 'p-procurement' : null,
      createdAt: base.now - (count - i) * 1000,
      updatedAt: base.now - (count - i) * 1000,
    }
  })
  return { ...base, cards, voteTotals: Object.fromEntries(cards.filter((_, i) => i % 13 === 0).map((c, i) => [c.id, 1 + (i % 4)])) }
}

const timeIt = async (runs: number, fn: () => Promise<unknown> | unknown) => {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return times
}

/**
 * Building the report of a large session and rendering it in every format, in this process
 * (the server does the same work in its report worker, off the event loop).
 */
export async function reportScale({ cards, runs }: { cards: number; runs: number }): Promise<void> {
  const input = largeReportInput(cards)
  const build = await timeIt(runs, () => buildReport(input))
  const report = buildReport(input)
  console.log(`\nHarvest Report of a ${cards.toLocaleString('en')}-card session (${runs} runs each; goal: under 1 s, PDF under 5 s)`)
  console.log(`  build the report value      p50 ${percentile(build, 50).toFixed(0).padStart(5)} ms   max ${Math.max(...build).toFixed(0).padStart(5)} ms`)
  const printer = new ChromiumPrinter()
  const available = await ChromiumPrinter.available()
  // The browser starts once per server, not per report: start it before timing.
  if (available) await printer.print('<p>warm up</p>')
  for (const format of Object.keys(FORMATS) as ReportFormat[]) {
    if (format === 'pdf' && !available) {
      console.log('  pdf                         (no Chromium on this machine)')
      continue
    }
    const { render } = FORMATS[format]
    const ctx = { pdf: printer }
    let size = 0
    const times = await timeIt(format === 'pdf' ? Math.min(runs, 3) : runs, async () => {
      const body = await render(report, ctx)
      size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
    })
    console.log(`  ${format.padEnd(27)} p50 ${percentile(times, 50).toFixed(0).padStart(5)} ms   max ${Math.max(...times).toFixed(0).padStart(5)} ms   ${(size / 1024 / 1024).toFixed(1)} MB`)
  }
  await printer.close()
}
