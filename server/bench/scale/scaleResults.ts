import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DocumentShapeResult } from './documentShape'
import type { PresenceMode, RunResult } from './scenario'
import type { ServerKind } from './serverProcess'

/** What `npm run bench -- scale` writes to scale.json; `version` changes when the shape does. */
export interface ScaleReport {
  version: 1
  startedAt: string
  durationMs: number
  machine: { cpus: number; node: string; loadAverageAtStart: number[] }
  settings: { cards: number; cardGapMs: number; workers: number; presenceSpreadMs: number }
  runs: RunResult[]
  /** Ours (one process, or two) against the bare server's card p99 without presence, for the same number of receivers. */
  ratios: { server: ServerKind; receivers: number; presence: PresenceMode; p99Ratio: number | null }[]
  /** Scenarios that could not be measured, and why. */
  failures: { server: ServerKind; receivers: number; error: string }[]
  documentShape: DocumentShapeResult | null
}

/** Card p99 of ours (one process, or two) over the bare server's p99 without presence, per receivers and presence. */
export function ratios(runs: RunResult[]): ScaleReport['ratios'] {
  const out: ScaleReport['ratios'] = []
  for (const run of runs.filter((r) => r.server !== 'bare')) {
    const bare = runs.find((r) => r.server === 'bare' && r.receivers === run.receivers)?.phases.find((p) => p.presence === 'off')?.cards.p99 ?? null
    for (const phase of run.phases) {
      const ours = phase.cards.p99
      out.push({ server: run.server, receivers: run.receivers, presence: phase.presence, p99Ratio: ours !== null && bare ? Math.round((ours / bare) * 100) / 100 : null })
    }
  }
  return out
}

export function machine(): ScaleReport['machine'] {
  return { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100) }
}

/** Writes scale.json and scale.svg into `dir` and returns their paths. */
export function writeScaleFiles(dir: string, report: ScaleReport, svg: string): { json: string; svg: string } {
  fs.mkdirSync(dir, { recursive: true })
  const json = path.join(dir, 'scale.json')
  const chart = path.join(dir, 'scale.svg')
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`)
  fs.writeFileSync(chart, svg)
  return { json, svg: chart }
}
