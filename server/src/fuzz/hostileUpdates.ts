import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { NewCard } from '@harvest/shared'
import { PLENARY_AREA, addCard, editCardText, getCards } from '@harvest/shared'

/**
 * Board updates shaped to cost the server's rules as much as possible: the stall bench, the
 * "health answers while hostile frames arrive" test and the fuzz corpus all build them here.
 * Each is built on a client synced from `base` (the server's board), as a real client would.
 */

const cardOf = (id: string, authorId: string, text: string): NewCard => ({
  id, text, authorId, authorName: authorId, city: 'Galway', cityKind: 'pilot', area: PLENARY_AREA,
})

/**
 * The hostile writer's client id, fixed: an update's size depends on its length as a varint, so a
 * frame sized to fit the limit once must fit it every time it is built.
 */
const HOSTILE_CLIENT = 2 ** 31 - 17

function clientOf(base: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  // A base that already holds this id's writes (built by these helpers) would make Yjs pick a
  // random id of its own on applying it, with a varint of another length: take the next fixed one.
  const known = Y.decodeStateVector(Y.encodeStateVector(base))
  let id = HOSTILE_CLIENT
  while (known.has(id)) id--
  doc.clientID = id
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  return doc
}

function changeOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = clientOf(base)
  const before = Y.encodeStateVector(doc)
  doc.transact(() => change(doc))
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/** A new card whose field `notes` holds Y.Maps nested `levels` deep (the rules refuse nested values). */
export function deepNesting(base: Y.Doc, levels: number, authorId = 'ann'): Uint8Array {
  return changeOf(base, (doc) => {
    addCard(doc, cardOf(`deep-${levels}`, authorId, 'a card with a deep value'), 1_000)
    let map = new Y.Map<unknown>()
    getCards(doc).get(`deep-${levels}`)!.set('notes', map)
    for (let i = 1; i < levels; i++) {
      const inner = new Y.Map<unknown>()
      map.set('k', inner)
      map = inner
    }
  })
}

/** `count` new cards of `textLength` characters in one update, every one valid for `authorId`. */
export function manyCards(base: Y.Doc, count: number, authorId = 'ann', textLength = 300): Uint8Array {
  return changeOf(base, (doc) => {
    for (let i = 0; i < count; i++) {
      const text = `Card ${i} `.padEnd(textLength, 'retrofit ')
      addCard(doc, cardOf(`${authorId}-${i}`, authorId, text), 1_000 + i)
    }
  })
}

/**
 * One new card whose text is edited `edits` times before the update is sent (an offline writer):
 * each edit also moves updatedAt, so the replaced texts do not merge and form a long chain of
 * items, each placed after the one it replaced.
 */
export function longEditChain(base: Y.Doc, edits: number, authorId = 'ann'): Uint8Array {
  return changeOf(base, (doc) => {
    addCard(doc, cardOf(`chain-${edits}`, authorId, 'first draft'), 1_000)
    for (let i = 0; i < edits; i++) editCardText(doc, `chain-${edits}`, `draft ${i}`, 2_000 + i)
  })
}

/**
 * An update with no new items and `ranges` deletion ranges of `client`, each covering its whole
 * history again: every range asks for the same items.
 */
export function overlappingDeletions(client: number, ranges: number, len = 2 ** 31): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // no structs
  encoding.writeVarUint(encoder, 1) // one client in the delete set
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, ranges)
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(encoder, i % 7)
    encoding.writeVarUint(encoder, len)
  }
  return encoding.toUint8Array(encoder)
}

/** The id of a client that wrote items into `doc` (the one with the most), for deletion ranges. */
export function busiestClient(doc: Y.Doc): number {
  let best = 0
  let most = -1
  for (const [client, structs] of doc.store.clients) if (structs.length > most) [best, most] = [client, structs.length]
  return best
}

/** The largest `size` for which `build(size)` stays within `maxBytes`, by doubling then bisection. */
export function largestWithin(maxBytes: number, build: (size: number) => Uint8Array, start = 64): number {
  let low = 0
  let high = start
  while (build(high).byteLength <= maxBytes) [low, high] = [high, high * 2]
  while (high - low > Math.max(1, low / 100)) {
    const mid = Math.floor((low + high) / 2)
    if (build(mid).byteLength <= maxBytes) low = mid
    else high = mid
  }
  return low
}
