import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SCALE, parseScaleArgs, scaleBench } from './scaleBench'
import type { ScaleReport } from './scaleResults'

// The scale bench in small: 20 receivers in two worker processes against ours, the bare server
// and two of ours behind nginx (real PostgreSQL, Redis and nginx). It checks that what the bench measures is right, never how fast anything was.
describe('the scale bench', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-scale-test-'))
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

  it('delivers every card and clock change to every receiver and writes the table, JSON and chart', async () => {
    const lines: string[] = []
    const { report, files } = await scaleBench(
      {
        ...DEFAULT_SCALE,
        receivers: [20],
        cards: 5,
        cardGapMs: 100,
        shapeCards: 200,
        outDir,
        scenario: { presenceSpreadMs: 1000, clockChanges: 2, joinGapMs: 10 },
      },
      (line) => lines.push(line),
    )

    expect(report.failures).toEqual([])
    expect(report.runs.map((r) => r.server).sort()).toEqual(['bare', 'ours'])
    for (const run of report.runs) {
      expect(run.joins).toMatchObject({ count: 20, failed: 0, inWhenPhasesStarted: 20 })
      expect(run.phases.map((p) => p.presence)).toEqual(['off', 'on'])
      for (const phase of run.phases) {
        // Every one of the 5 cards reached every one of the 20 receivers, and nothing is counted as lost.
        expect(phase.cards).toMatchObject({ expected: 100, delivered: 100 })
        expect(phase.cards.p99).not.toBeNull()
        // With presence on, everyone's presence reached the others (counted, not decoded).
        if (phase.presence === 'on') expect(phase.awareness.messages).toBeGreaterThan(0)
        if (run.server === 'ours') expect(phase.clock).toMatchObject({ expected: 40, delivered: 40 })
        else expect(phase.clock).toBeNull()
      }
      // Both servers said what was live after a full collection, before the joins and after the last phase.
      expect(run.memory.live).toMatchObject({ presence: 'on' })
      for (const moment of [run.memory.live!.before, run.memory.live!.after]) {
        expect(moment.heapUsed).toBeGreaterThan(0)
        expect(moment.rss).toBeGreaterThan(moment.heapUsed)
      }
    }
    expect(report.ratios.map((r) => r.presence)).toEqual(['off', 'on'])
    expect(report.documentShape).toMatchObject({ cards: 200 })

    const table = lines.join('\n')
    for (const row of [/^ours\s+20\s+off\s+/m, /^ours\s+20\s+on\s+/m, /^bare\s+20\s+off\s+/m, /^bare\s+20\s+on\s+/m]) expect(table).toMatch(row)
    expect(table).toMatch(/memory\/participant  live after GC/)
    const written = JSON.parse(fs.readFileSync(files.json, 'utf8')) as ScaleReport
    expect(written).toEqual(JSON.parse(JSON.stringify(report)))
    expect(written.version).toBe(1)
    const svg = fs.readFileSync(files.svg, 'utf8')
    expect(svg).toMatch(/^<svg [^>]*role="img"/)
    expect(svg).toContain('bare y-websocket, 20 receivers, presence off')
  }, 180_000)

  it('splits the two-process case over both processes behind nginx and delivers every card to every receiver on both', async () => {
    const lines: string[] = []
    const { report } = await scaleBench(
      { ...DEFAULT_SCALE, receivers: [20], servers: ['cluster'], clusterReceivers: null, presence: ['off'], cards: 4, cardGapMs: 100, shapeCards: 0, outDir, scenario: { clockChanges: 1, joinGapMs: 10 } },
      (line) => lines.push(line),
    )

    expect(report.failures).toEqual([])
    const [run] = report.runs
    expect(run).toMatchObject({ server: 'cluster', serverName: 'Harvest, 2 processes via nginx', joins: { count: 20, failed: 0, inWhenPhasesStarted: 20 } })
    // nginx sent the receivers to both processes, and the writer to one of them.
    const perProcess = run!.joins.perProcess!
    expect(Object.keys(perProcess)).toHaveLength(2)
    expect(Object.values(perProcess).reduce((a, b) => a + b, 0)).toBe(20)
    expect(Object.keys(perProcess)).toContain(run!.writerProcess)
    const onOther = 20 - perProcess[run!.writerProcess!]!
    expect(onOther).toBeGreaterThan(0)
    const [phase] = run!.phases
    // Every card reached every receiver, those on the other process included.
    expect(phase!.cards).toMatchObject({ expected: 80, delivered: 80 })
    expect(phase!.otherProcessCards).toMatchObject({ expected: 4 * onOther, delivered: 4 * onOther })
    expect(phase!.clock).toMatchObject({ expected: 20, delivered: 20 })
    expect(lines.join('\n')).toMatch(/^Harvest, 2 processes via nginx\s+20\s+off\s+/m)
  }, 240_000)

  it('refuses options it does not know, with the one it did not understand', () => {
    expect(parseScaleArgs(['--receivers', '300', '--servers', 'ours', '--presence', 'off'])).toMatchObject({ receivers: [300], servers: ['ours'], presence: ['off'] })
    expect(() => parseScaleArgs(['--servers', 'redis'])).toThrow('--servers takes ours or cluster or bare, got "redis"')
    // Named, the two-process case runs at every size; by default only at 1,000.
    expect(parseScaleArgs(['--servers', 'cluster'])).toMatchObject({ servers: ['cluster'], clusterReceivers: null })
    expect(DEFAULT_SCALE).toMatchObject({ servers: ['bare', 'ours', 'cluster'], clusterReceivers: [1000] })
    expect(() => parseScaleArgs(['--receivers', '-3'])).toThrow('--receivers takes whole numbers above 0')
    expect(() => parseScaleArgs(['--fast'])).toThrow('unknown option --fast')
  })
})
