import * as Y from 'yjs'
import { LIMITS, migrateBoard } from '@harvest/shared'
import { checkBoardUpdate, type Writer } from '../src/boardRules/boardPolicy'
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
  console.log('case'.padEnd(36), 'frame KB'.padStart(9), 'inspection ms'.padStart(14), 'cpu ms'.padStart(7), 'whole check ms'.padStart(15), '  decision')
  for (const [name, build] of cases) {
    if (only && !name.includes(only)) continue
    const update = build()
    let inspection = Infinity
    let cpu = Infinity
    let check = Infinity
    let decision: string | null = null
    for (let run = 0; run < runs; run++) {
      const cpuBefore = process.cpuUsage()
      let started = performance.now()
      inspectUpdate(board, update)
      inspection = Math.min(inspection, performance.now() - started)
      const used = process.cpuUsage(cpuBefore)
      cpu = Math.min(cpu, (used.user + used.system) / 1000)
      started = performance.now()
      decision = checkBoardUpdate(board, update, writer)
      check = Math.min(check, performance.now() - started)
    }
    const kb = (update.byteLength / 1024).toFixed(0)
    console.log(name.padEnd(36), kb.padStart(9), inspection.toFixed(1).padStart(14), cpu.toFixed(0).padStart(7), check.toFixed(1).padStart(15), ' ', decision ?? 'accepted')
  }
}
