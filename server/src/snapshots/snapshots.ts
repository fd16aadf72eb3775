import { v4 as uuid } from 'uuid'
import * as Y from 'yjs'
import type { Card, SnapshotDiff, SnapshotInfo } from '@harvest/shared'
import { getCards, getPatterns, listCards } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import type { LiveDoc } from '../documents/LiveDoc'

/** Keeps a full copy of the document as it is now. */
export async function takeSnapshot(storage: Storage, live: LiveDoc, at: number): Promise<SnapshotInfo> {
  const info: SnapshotInfo = { id: uuid(), at, cards: getCards(live.doc).size }
  await storage.addSnapshot(live.name, info, Y.encodeStateAsUpdate(live.doc))
  return info
}

/** A snapshot as a document of its own, to read from. */
export function snapshotDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

const comparable = ({ updatedAt: _, ...card }: Card) => JSON.stringify(card)

/** What changed between a snapshot and the board now. */
export function diffBoards(snapshot: Y.Doc, current: Y.Doc): SnapshotDiff {
  const before = new Map(listCards(snapshot).map((c) => [c.id, c]))
  const after = new Map(listCards(current).map((c) => [c.id, c]))
  const diff: SnapshotDiff = { added: [], removed: [], changed: [] }
  for (const [id, card] of after) {
    const old = before.get(id)
    if (!old) diff.added.push(card)
    else if (comparable(old) !== comparable(card)) diff.changed.push({ before: old, after: card })
  }
  for (const [id, card] of before) if (!after.has(id)) diff.removed.push(card)
  return diff
}

/** Copies one entry map (a card or a pattern) from one document's root into another's. */
function copyEntry(from: Y.Map<Y.Map<unknown>>, to: Y.Map<Y.Map<unknown>>, id: string): boolean {
  const source = from.get(id)
  if (!(source instanceof Y.Map)) return false
  const existing = to.get(id)
  // A new map joins the document first: Yjs cannot read a map that is not in a document yet.
  const target = existing instanceof Y.Map ? existing : to.set(id, new Y.Map<unknown>())
  for (const [key, value] of source.entries()) if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key)
  return true
}

/** Puts one card of a snapshot back on the board, as a new change everyone receives. */
export function restoreCard(snapshot: Y.Doc, current: Y.Doc, cardId: string, origin: unknown): boolean {
  let restored = false
  current.transact(() => {
    restored = copyEntry(getCards(snapshot), getCards(current), cardId)
    const patternId = getCards(current).get(cardId)?.get('patternId')
    if (typeof patternId === 'string' && !getPatterns(current).has(patternId)) copyEntry(getPatterns(snapshot), getPatterns(current), patternId)
  }, origin)
  return restored
}

/**
 * Makes the board's cards and patterns what they were in the snapshot. It is written as new
 * changes rather than by rewinding history, so every connected client converges on it.
 */
export function restoreBoard(snapshot: Y.Doc, current: Y.Doc, origin: unknown): void {
  current.transact(() => {
    for (const [from, to] of [
      [getCards(snapshot), getCards(current)],
      [getPatterns(snapshot), getPatterns(current)],
    ] as const) {
      for (const id of [...to.keys()]) if (!from.has(id)) to.delete(id)
      for (const id of from.keys()) copyEntry(from, to, id)
    }
  }, origin)
}
