import { v4 as uuid } from 'uuid'
import * as Y from 'yjs'
import { PLENARY_AREA, addCard, listCards, type Card } from '@harvest/shared'
import { percentile } from '../stats'

const KINDS = ['outcome', 'learning', 'challenge', 'insight', 'idea'] as const
const CITIES = ['Cluj-Napoca', 'Galway', 'Istanbul', 'Kraków', 'Belfast', 'Mytilene']

export interface ShapeFigures {
  bytes: number
  /** Y.applyUpdate of the whole state into a fresh document, median of the runs. */
  decodeMs: number
}

export interface DocumentShapeResult {
  cards: number
  ours: ShapeFigures
  /** The same cards, each one plain value in a Y.Map (no field-level merging). */
  plain: ShapeFigures
  sizeRatio: number
  decodeRatio: number
}

/**
 * What the board's card shape costs a joining client: a board of `cards` cards written by the
 * shared card writer, against the same cards stored as plain values. In-process: no network.
 */
export function documentShape(cards = 5000, runs = 5): DocumentShapeResult {
  const ours = new Y.Doc()
  ours.transact(() => {
    for (let i = 0; i < cards; i++) {
      const city = CITIES[i % CITIES.length]!
      addCard(ours, {
        id: uuid(), text: `Card ${i}: what ${city} learned about retrofitting apartment blocks and engaging residents early.`,
        kind: KINDS[i % KINDS.length]!, authorId: uuid(), authorName: `Writer ${i % 40}`, city, cityKind: i % 3 ? 'pilot' : 'twin', area: PLENARY_AREA,
      }, 1_700_000_000_000 + i)
    }
  })
  const written: Card[] = listCards(ours)
  const plain = new Y.Doc()
  plain.transact(() => {
    const map = plain.getMap<Card>('cards')
    for (const card of written) map.set(card.id, card)
  })
  const result = { cards, ours: weigh(ours, runs), plain: weigh(plain, runs) }
  ours.destroy()
  plain.destroy()
  return {
    ...result,
    sizeRatio: Math.round((result.ours.bytes / result.plain.bytes) * 100) / 100,
    decodeRatio: Math.round((result.ours.decodeMs / result.plain.decodeMs) * 100) / 100,
  }
}

function weigh(doc: Y.Doc, runs: number): ShapeFigures {
  const update = Y.encodeStateAsUpdate(doc)
  const times: number[] = []
  // One unmeasured run first, so both shapes are decoded by warmed-up code.
  for (let i = 0; i <= runs; i++) {
    const fresh = new Y.Doc()
    const started = performance.now()
    Y.applyUpdate(fresh, update)
    if (i > 0) times.push(performance.now() - started)
    fresh.destroy()
  }
  return { bytes: update.byteLength, decodeMs: Math.round(percentile(times, 50) * 10) / 10 }
}
