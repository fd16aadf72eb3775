import fc from 'fast-check'
import * as Y from 'yjs'
import { LIMITS, migrateBoard } from '@harvest/shared'
import { describe, expect, it } from 'vitest'
import { deepNesting, longEditChain, manyCards, overlappingDeletions, busiestClient } from '../fuzz/hostileUpdates'
import { PRESCAN_MIN_BYTES, checkBoardUpdate, prescanBoardUpdate, prescannedRefusal, type Writer } from './boardPolicy'
import { inspectUpdate } from './inspectUpdate'
import { prescanUpdate } from './prescanUpdate'

function board(cards = 20): Y.Doc {
  const doc = new Y.Doc()
  migrateBoard(doc)
  Y.applyUpdate(doc, manyCards(doc, cards, 'seed', 40))
  return doc
}

const participant: Writer = { role: 'participant', ownIds: ['ann'] }
const harvester: Writer = { role: 'harvester', ownIds: ['ann'] }

/** Whether Yjs's own decoding takes the bytes, and what it counts. */
function yjsReads(update: Uint8Array): { structs: number; deletingClients: number } | null {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    return { structs: structs.length, deletingClients: ds.clients.size }
  } catch {
    return null
  }
}

describe('prescanUpdate', () => {
  const doc = board()

  it('refuses a near-1 MB frame of nested maps from its bytes with the reason the full check gives a participant', () => {
    const update = deepNesting(doc, 78_000)
    expect(update.byteLength).toBeGreaterThan(LIMITS.boardFrameMaxBytes * 0.9)
    expect(update.byteLength).toBeLessThan(LIMITS.boardFrameMaxBytes - 16)
    const scan = prescanBoardUpdate(doc, update, participant)
    expect(scan?.tooDeep).toBe(true)
    expect(prescannedRefusal(scan!, participant)).toBe(checkBoardUpdate(doc, update, participant))
    expect(prescannedRefusal(scan!, participant)).toBe('this change does not fit the board')
  }, 120_000)

  it('leaves the nesting to the full check for those who curate, whom it does not refuse', () => {
    const update = deepNesting(doc, 20_000)
    expect(prescanBoardUpdate(doc, update, harvester)).toBeNull()
    expect(prescannedRefusal(prescanBoardUpdate(doc, update, participant)!, harvester)).toBeNull()
    expect(checkBoardUpdate(doc, update, harvester)).toBeNull()
  }, 120_000)

  it('proves nothing against large valid updates, which the full check accepts', () => {
    for (const update of [manyCards(doc, 600, 'ann', 200), longEditChain(doc, 10_000)]) {
      expect(update.byteLength).toBeGreaterThan(PRESCAN_MIN_BYTES)
      const scan = prescanBoardUpdate(doc, update, participant)
      expect(scan).toMatchObject({ tooDeep: false, ...yjsReads(update) })
      expect(checkBoardUpdate(doc, update, participant)).toBeNull()
    }
  }, 120_000)

  it('counts what Yjs counts in hostile shapes, deletions included', () => {
    for (const update of [deepNesting(doc, 3), overlappingDeletions(busiestClient(doc), 5_000), new Uint8Array([0, 0])]) {
      expect(prescanUpdate(doc, update)).toMatchObject(yjsReads(update)!)
    }
  })

  it('leaves small updates to the full check', () => {
    expect(prescanBoardUpdate(doc, deepNesting(doc, 50), participant)).toBeNull()
  })

  it('reads only what Yjs reads: mutated, truncated and random bytes either fail both or agree, and a proven refusal is one the full check gives', () => {
    const seeds = [deepNesting(doc, 4), deepNesting(doc, 2), manyCards(doc, 2, 'ann', 10), longEditChain(doc, 3), overlappingDeletions(busiestClient(doc), 3)]
    const mutated = fc
      .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 2 }), fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })))
      .map(([seed, flips, keep]) => {
        const bytes = seed.slice(0, Math.max(1, Math.ceil(seed.byteLength * keep)))
        for (const [at, value] of flips) bytes[at % bytes.byteLength] = value
        return bytes
      })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.uint8Array({ maxLength: 64 })), (update) => {
        const scan = prescanUpdate(doc, update)
        if (scan === null) return
        expect(yjsReads(update)).toEqual({ structs: scan.structs, deletingClients: scan.deletingClients })
        if (scan.tooDeep) {
          expect(inspectUpdate(doc, update).unexplained.length).toBeGreaterThan(0)
          expect(checkBoardUpdate(doc, update, participant)).toBe('this change does not fit the board')
        }
      }),
      { numRuns: 3_000, seed: 12 },
    )
  }, 120_000)
})
