import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_SCALE, parseScaleArgs, scaleBench } from './scaleBench'
import type { ScaleReport } from './scaleResults'

// The scale bench in small: 20 receivers in two worker processes against ours and the bare
// server. It checks that what the bench measures is right, never how fast anything was.
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
    }
    expect(report.ratios.map((r) => r.presence)).toEqual(['off', 'on'])
    expect(report.documentShape).toMatchObject({ cards: 200 })

    const table = lines.join('\n')
    for (const row of [/^ours\s+20\s+off\s+/m, /^ours\s+20\s+on\s+/m, /^bare\s+20\s+off\s+/m, /^bare\s+20\s+on\s+/m]) expect(table).toMatch(row)
    const written = JSON.parse(fs.readFileSync(files.json, 'utf8')) as ScaleReport
    expect(written).toEqual(JSON.parse(JSON.stringify(report)))
    expect(written.version).toBe(1)
    const svg = fs.readFileSync(files.svg, 'utf8')
    expect(svg).toMatch(/^<svg [^>]*role="img"/)
    expect(svg).toContain('bare y-websocket, 20 receivers, presence off')
  }, 180_000)

  it('refuses options it does not know, with the one it did not understand', () => {
    expect(parseScaleArgs(['--receivers', '300', '--servers', 'ours', '--presence', 'off'])).toMatchObject({ receivers: [300], servers: ['ours'], presence: ['off'] })
    expect(() => parseScaleArgs(['--servers', 'redis'])).toThrow('--servers takes ours or bare, got "redis"')
    expect(() => parseScaleArgs(['--receivers', '-3'])).toThrow('--receivers takes whole numbers above 0')
    expect(() => parseScaleArgs(['--fast'])).toThrow('unknown option --fast')
  })
})
