import type { ScaleReport } from './scaleResults'
import { SERVER_NAMES } from './serverKind'

const ms = (value: number | null) => (value === null ? 'lost' : `${Math.round(value)}`)
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${Math.round(bytes / 1024)} KB`)
/**
 * Resident growth below zero is the heap's own swings (garbage from starting up collected
 * meanwhile), not memory participants give back: said so, and the JSON keeps the number.
 */
const residentKb = (bytes: number | undefined) => (bytes !== undefined && bytes < 0 ? '< 0 (heap swings)' : kb(bytes))

/** The scale figures as a plain-text table, one row per server, receivers and presence. */
export function scaleTable(report: ScaleReport): string {
  const header = ['server', 'receivers', 'presence', 'cards p50/p95/p99', 'delivered', 'p99 ÷ bare off', 'clock p50/p99', 'memory/participant', 'live after GC', 'join p50/p99', 'joined in']
  const rows: string[][] = []
  for (const run of report.runs) {
    for (const phase of run.phases) {
      const ratio = run.server !== 'bare' ? report.ratios.find((r) => r.server === run.server && r.receivers === run.receivers && r.presence === phase.presence)?.p99Ratio : undefined
      rows.push([
        // The two-process case by its name; the other two keep their short ones.
        run.server === 'cluster' ? SERVER_NAMES.cluster : run.server,
        run.receivers.toLocaleString('en'),
        phase.presence,
        `${ms(phase.cards.p50)} / ${ms(phase.cards.p95)} / ${ms(phase.cards.p99)} ms`,
        `${phase.cards.delivered}/${phase.cards.expected}`,
        ratio === undefined ? '' : ratio === null ? '–' : ratio.toFixed(2),
        phase.clock ? `${ms(phase.clock.p50)} / ${ms(phase.clock.p99)} ms` : '',
        residentKb(run.memory.perParticipantBytes[phase.presence]),
        // Asked once, at the end of the last phase (scenario.ts).
        run.memory.live?.presence === phase.presence && phase === run.phases.at(-1) ? kb(run.memory.live.perParticipantBytes) : '',
        `${ms(run.joins.p50)} / ${ms(run.joins.p99)} ms`,
        `${(run.joins.allWithinMs / 1000).toFixed(1)} s${run.joins.failed ? ` (${run.joins.failed} failed)` : ''}`,
      ])
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
  for (const run of report.runs.filter((r) => r.joins.perProcess)) {
    const split = Object.entries(run.joins.perProcess!).sort().map(([upstream, n]) => `${upstream} ${n}`).join(', ')
    out.push('', `${SERVER_NAMES[run.server]}, ${run.receivers.toLocaleString('en')} receivers: joined through each process ${split}; the writer wrote through ${run.writerProcess ?? 'an unknown process'}`)
    for (const phase of run.phases) {
      const other = phase.otherProcessCards
      if (other) out.push(`  presence ${phase.presence}: cards to the receivers on the other process p50 ${ms(other.p50)} / p99 ${ms(other.p99)} ms (${other.delivered}/${other.expected}), everyone's ${ms(phase.cards.p50)} / ${ms(phase.cards.p99)} ms`)
    }
  }
  const shape = report.documentShape
  if (shape) {
    out.push('', `A ${shape.cards.toLocaleString('en')}-card board: ours ${(shape.ours.bytes / 1e6).toFixed(2)} MB, decoded in ${shape.ours.decodeMs} ms; ` +
      `the same cards as plain values ${(shape.plain.bytes / 1e6).toFixed(2)} MB, ${shape.plain.decodeMs} ms (×${shape.sizeRatio} size, ×${shape.decodeRatio} decode)`)
  }
  return out.join('\n')
}
