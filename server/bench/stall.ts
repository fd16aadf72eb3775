import * as Y from 'yjs'
import { LIMITS, migrateBoard } from '@harvest/shared'
import { checkBoardUpdate, prescanBoardUpdate, prescannedRefusal, type Writer } from '../src/boardRules/boardPolicy'
import { inspectUpdate } from '../src/boardRules/inspectUpdate'
import { busiestClient, deepNesting, largestWithin, longEditChain, manyCards, overlappingDeletions } from '../src/fuzz/hostileUpdates'

export interface StallOptions {
  /** Cards already on the board the updates are checked against. */
  boardCards: number
  /** Runs per case; the figure is the fastest, the code's own cost with the least noise from other processes. */
  runs: number
  /** Only the cases whose name contains this (all when empty). */
  only?: string
}

/**
 * The same cases on the inspection before it was linear (commit 180072e, one run, board of 2,000
 * cards, on the shared 2-core machine): the near-limit shapes were not run to the end, as the
 * cost grew with the square of the depth (10,000 levels already held the loop 12.8 s).
 */
const BEFORE_MS: Record<string, string> = {
  'deep nesting 1,000 levels': '160',
  'deep nesting 3,000 levels': '648',
  'deep nesting 10,000 levels': '12,842',
  '2,000 cards in one update': '3,190',
  'text edited 100 times offline': '30 (refused)',
  'text edited 3,000 times offline': '5,420 (refused)',
}

/** Room for the frame's own header (message type, sync step, length) within the frame limit. */
const NEAR_LIMIT = LIMITS.boardFrameMaxBytes - 16

/**
 * How long the board's rules hold the event loop for one update: every session and HTTP
 * request waits that long. Hostile shapes (deep nesting, long chains, overlapping deletions)
 * and large valid updates, up to the frame limit.
 */
export async function stall({ boardCards, runs, only = '' }: StallOptions): Promise<void> {
  const board = new Y.Doc()
  migrateBoard(board)
  if (boardCards > 0) Y.applyUpdate(board, manyCards(board, boardCards, 'seed', 100))
  const writer: Writer = { role: 'participant', ownIds: ['ann'] }

  const cases: Array<[string, () => Uint8Array]> = [
    ['deep nesting 1,000 levels', () => deepNesting(board, 1_000)],
    ['deep nesting 3,000 levels', () => deepNesting(board, 3_000)],
    ['deep nesting 10,000 levels', () => deepNesting(board, 10_000)],
    ['2,000 cards in one update', () => manyCards(board, 2_000, 'ann', 200)],
    ['text edited 100 times offline', () => longEditChain(board, 100)],
    ['text edited 3,000 times offline', () => longEditChain(board, 3_000)],
    ['near 1 MB: deep nesting', () => deepNesting(board, largestWithin(NEAR_LIMIT, (n) => deepNesting(board, n), 10_000))],
    ['near 1 MB: cards', () => manyCards(board, largestWithin(NEAR_LIMIT, (n) => manyCards(board, n, 'ann', 200), 2_000), 'ann', 200)],
    ['near 1 MB: one text rewritten', () => longEditChain(board, largestWithin(NEAR_LIMIT, (n) => longEditChain(board, n), 10_000))],
    ['near 1 MB: overlapping deletions', () => overlappingDeletions(busiestClient(board), largestWithin(NEAR_LIMIT, (n) => overlappingDeletions(0, n), 10_000))],
  ]

  console.log(`\n== Stall: the board's rules on one update (board of ${boardCards.toLocaleString('en')} cards, fastest of ${runs} runs) ==`)
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
  // "served ms" is what the board endpoint spends: a large frame's prescan, then the whole check unless that refused it.
  console.log('case'.padEnd(36), 'frame KB'.padStart(9), 'inspection ms'.padStart(14), 'cpu ms'.padStart(7), 'of it decoding'.padStart(15), 'whole check ms'.padStart(15), 'served ms'.padStart(10), 'served cpu'.padStart(11), 'before ms'.padStart(16), '  decision')
  for (const [name, build] of cases) {
    if (only && !name.includes(only)) continue
    const update = build()
    let inspection = Infinity
    let cpu = Infinity
    let decoding = Infinity
    let check = Infinity
    let served = Infinity
    let servedCpu = Infinity
    let decision: string | null = null
    for (let run = 0; run < runs; run++) {
      // Yjs's own decoding, which the inspection starts with: for nested types it is most of the cost.
      const decodeBefore = process.cpuUsage()
      Y.decodeUpdate(update)
      const decoded = process.cpuUsage(decodeBefore)
      decoding = Math.min(decoding, (decoded.user + decoded.system) / 1000)
      const cpuBefore = process.cpuUsage()
      let started = performance.now()
      inspectUpdate(board, update)
      inspection = Math.min(inspection, performance.now() - started)
      const used = process.cpuUsage(cpuBefore)
      cpu = Math.min(cpu, (used.user + used.system) / 1000)
      started = performance.now()
      decision = checkBoardUpdate(board, update, writer)
      check = Math.min(check, performance.now() - started)
      const servedBefore = process.cpuUsage()
      started = performance.now()
      const scan = prescanBoardUpdate(board, update, writer)
      const servedDecision = (scan && prescannedRefusal(scan, writer)) || checkBoardUpdate(board, update, writer)
      if (servedDecision !== decision) throw new Error(`${name}: the prescan decided "${servedDecision}", the whole check "${decision}"`)
      served = Math.min(served, performance.now() - started)
      const servedUsed = process.cpuUsage(servedBefore)
      servedCpu = Math.min(servedCpu, (servedUsed.user + servedUsed.system) / 1000)
    }
    const kb = (update.byteLength / 1024).toFixed(0)
    console.log(name.padEnd(36), kb.padStart(9), inspection.toFixed(1).padStart(14), cpu.toFixed(0).padStart(7), decoding.toFixed(0).padStart(15), check.toFixed(1).padStart(15), served.toFixed(1).padStart(10), servedCpu.toFixed(0).padStart(11), (BEFORE_MS[name] ?? 'minutes').padStart(16), ' ', decision ?? 'accepted')
  }
}
