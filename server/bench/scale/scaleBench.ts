import { fileURLToPath } from 'node:url'
import { benchNow } from './clock'
import { documentShape } from './documentShape'
import { scaleChart } from './scaleChart'
import { machine, ratios, writeScaleFiles, type ScaleReport } from './scaleResults'
import { scaleTable } from './scaleTable'
import { DEFAULT_SCENARIO, runScenario, type PresenceMode, type RunResult, type ScenarioOptions } from './scenario'
import { SERVER_KINDS, SERVER_NAMES, type ServerKind } from './serverKind'

export interface ScaleOptions {
  receivers: number[]
  servers: ServerKind[]
  /** The sizes the two-process case runs at, or null for every size (when `--servers` names it). */
  clusterReceivers: number[] | null
  presence: PresenceMode[]
  cards: number
  cardGapMs: number
  /** Skip the scenarios left once this much time has gone (the whole section stays within 8 minutes). */
  budgetMs: number
  /** Also weigh a 5,000-card board's shape; 0 to skip. */
  shapeCards: number
  outDir: string
  scenario?: Partial<ScenarioOptions>
}

export const DEFAULT_SCALE: ScaleOptions = {
  receivers: [100, 300, 1000],
  servers: ['bare', 'ours', 'cluster'],
  // At every size the section would pass its 8-minute budget (a full run took 7.4 minutes without it).
  clusterReceivers: [1000],
  presence: ['off', 'on'],
  cards: DEFAULT_SCENARIO.cards,
  cardGapMs: DEFAULT_SCENARIO.cardGapMs,
  budgetMs: 8 * 60_000,
  shapeCards: 5000,
  outDir: fileURLToPath(new URL('../results/', import.meta.url)),
}

/**
 * Reads `--receivers 300,1000 --servers ours,cluster --presence off --cards 30 --out dir --no-shape`
 * (the words after `npm run bench -- scale`).
 */
export function parseScaleArgs(argv: string[]): ScaleOptions {
  const options = { ...DEFAULT_SCALE }
  const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean)
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    if (flag === '--receivers') options.receivers = list(value()).map(positive(flag))
    else if (flag === '--servers') {
      options.servers = list(value()).map(oneOf(flag, SERVER_KINDS))
      options.clusterReceivers = null
    }
    else if (flag === '--presence') options.presence = list(value()).map(oneOf(flag, ['off', 'on'] as const))
    else if (flag === '--cards') options.cards = positive(flag)(value())
    else if (flag === '--out') options.outDir = value()
    else if (flag === '--no-shape') options.shapeCards = 0
    else throw new Error(`unknown option ${flag}; try --receivers 300 --servers ours --presence off`)
  }
  return options
}

const positive = (flag: string) => (v: string) => {
  const number = Number(v)
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} takes whole numbers above 0, got "${v}"`)
  return number
}

const oneOf = <T extends string>(flag: string, allowed: readonly T[]) => (v: string): T => {
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`${flag} takes ${allowed.join(' or ')}, got "${v}"`)
  return v as T
}

/**
 * The scale section of `npm run bench`: each server and size in its own processes, figures
 * printed as a table and written to scale.json and scale.svg. Nothing passes or fails on time.
 */
export async function scaleBench(options: ScaleOptions = DEFAULT_SCALE, log: (line: string) => void = console.log): Promise<{ report: ScaleReport; files: { json: string; svg: string } }> {
  const started = benchNow()
  const startedAt = new Date().toISOString()
  const settings = { ...DEFAULT_SCENARIO, cards: options.cards, cardGapMs: options.cardGapMs, phases: options.presence, ...options.scenario }
  const at = machine()
  log(`\nScale: one writer adding ${settings.cards} cards ${settings.cardGapMs} ms apart to receivers in ${settings.workers} worker processes (load average ${at.loadAverageAtStart.join(' ')} on ${at.cpus} cores)`)
  const clusterAt = options.clusterReceivers
  if (options.servers.includes('cluster')) {
    log(clusterAt
      ? `  ${SERVER_NAMES.cluster}: at ${clusterAt.map((r) => r.toLocaleString('en')).join(', ')} receivers only, so the section stays near its ${options.budgetMs / 60_000}-minute budget (--servers cluster runs it at every size)`
      : `  ${SERVER_NAMES.cluster}: at every size`)
  }
  const runs: RunResult[] = []
  const failures: ScaleReport['failures'] = []
  // The largest first: if the budget runs out, the smaller sizes are the ones left out.
  // Both servers of a size or neither, so every figure has its reference beside it.
  for (const receivers of [...options.receivers].sort((a, b) => b - a)) {
    if (benchNow() - started > options.budgetMs) {
      log(`  skipped ${receivers} receivers: the section's ${options.budgetMs / 60_000}-minute budget is spent`)
      continue
    }
    for (const server of options.servers) {
      if (server === 'cluster' && clusterAt && !clusterAt.includes(receivers)) continue
      log(`  ${server} server, ${receivers.toLocaleString('en')} receivers`)
      // The bare server has no HTTP join in front of its board, so its people can arrive faster.
      const joinGapMs = settings.joinGapMs / (server === 'bare' ? 2 : 1)
      try {
        runs.push(await runScenario({ ...settings, server, receivers, joinGapMs }, log))
      } catch (error) {
        // One scenario going wrong (a receiver process dying, a server not starting) leaves the others' figures.
        const message = error instanceof Error ? error.message : String(error)
        failures.push({ server, receivers, error: message })
        log(`    failed: ${message}`)
      }
    }
  }
  const shape = options.shapeCards > 0 ? documentShape(options.shapeCards) : null
  const report: ScaleReport = {
    version: 1,
    startedAt,
    durationMs: Math.round(benchNow() - started),
    machine: at,
    settings: { cards: settings.cards, cardGapMs: settings.cardGapMs, workers: settings.workers, presenceSpreadMs: settings.presenceSpreadMs },
    runs: runs.sort((a, b) => a.receivers - b.receivers),
    ratios: ratios(runs),
    failures,
    documentShape: shape,
  }
  log(`\n${scaleTable(report)}`)
  const files = writeScaleFiles(options.outDir, report, scaleChart(report.runs, `Measured ${startedAt.slice(0, 16).replace('T', ' ')} UTC on ${at.cpus} cores, load average ${at.loadAverageAtStart[0]} at the start; receivers in ${settings.workers} worker processes`))
  log(`\n  written: ${files.json} and ${files.svg} (${(report.durationMs / 1000).toFixed(0)} s)`)
  return { report, files }
}
