import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { findRun } from './findRun'

/** What a light reading of an update's bytes proves, before Yjs builds its items. */
export interface Prescan {
  /** Structs (items, GCs, skips) the update lists, as Y.decodeUpdate counts them. */
  structs: number
  /** Clients the update deletes something of. */
  deletingClients: number
  /**
   * A new item whose parent is a map or list the update puts as a field's value (a type three
   * levels down, as in nested maps): the board's inspection cannot place it and reports it unexplained.
   */
  tooDeep: boolean
}

/** Parent ids and field keys of each new item, kept in flat arrays: a near-1 MB update holds ~100,000 items. */
interface Scanned {
  client: number[]
  clock: number[]
  length: number[]
  /** The item names a parent by id (not a root name, not inherited from a neighbour) … */
  parentClient: number[]
  parentClock: number[]
  /**
   * … and a key in that parent, and holds a shared type: a map or list as a field's value,
   * which the board never has (only such an item can hold others in a real document).
   */
  nests: boolean[]
}

/**
 * Reads a V1 update the way Y.decodeUpdate does (the same lib0 reads in the same order, so
 * it fails exactly where that would), keeping only each item's id, length and parent, not its
 * content. Returns null when the bytes do not parse, or hold a subdocument (whose decoding
 * Yjs does more than read): the caller then takes the full path, which refuses a corrupt frame.
 */
export function prescanUpdate(doc: Y.Doc, update: Uint8Array): Prescan | null {
  try {
    return scan(doc, update)
  } catch {
    return null
  }
}

const BITS5 = 31
const BIT6 = 32
const BIT7 = 64
const BIT8 = 128
const CONTENT_TYPE = 7
const CONTENT_DOC = 9
const TYPE_REFS = 7
const XML_ELEMENT = 3
const XML_HOOK = 5

function scan(doc: Y.Doc, update: Uint8Array): Prescan | null {
  const d = decoding.createDecoder(update)
  const items: Scanned = { client: [], clock: [], length: [], parentClient: [], parentClock: [], nests: [] }
  // Which items a lookup by id finds, as the inspection's index does (see indexPending).
  const byClient = new Map<number, number[]>()
  let structs = 0
  let nesting = 0
  const groups = decoding.readVarUint(d)
  for (let g = 0; g < groups; g++) {
    const count = decoding.readVarUint(d)
    const client = decoding.readVarUint(d)
    let clock = decoding.readVarUint(d)
    const known = Y.getState(doc.store, client)
    const list = byClient.get(client) ?? []
    byClient.set(client, list)
    for (let i = 0; i < count; i++) {
      structs++
      const info = decoding.readUint8(d)
      if (info === 10 || (info & BITS5) === 0) {
        clock += decoding.readVarUint(d) // a skip or a GC: nothing the rules read
        continue
      }
      if ((info & BIT8) !== 0) skipId(d) // origin
      if ((info & BIT7) !== 0) skipId(d) // right origin
      let parentClient = -1
      let parentClock = -1
      let field = false
      if ((info & (BIT7 | BIT8)) === 0) {
        if (decoding.readVarUint(d) === 1) decoding.readVarString(d)
        else {
          parentClient = decoding.readVarUint(d)
          parentClock = decoding.readVarUint(d)
        }
        if ((info & BIT6) !== 0) {
          decoding.readVarString(d)
          field = parentClient >= 0
        }
      }
      const nests = field && (info & BITS5) === CONTENT_TYPE
      const length = readContentLength(d, info & BITS5)
      if (length === null) return null
      const start = clock
      clock += length
      // Items the document already has are skipped by Yjs, and by the inspection.
      if (start + length <= known) continue
      const at = items.client.length
      const previous = list[list.length - 1]
      items.client.push(client)
      items.clock.push(start)
      items.length.push(length)
      items.parentClient.push(parentClient)
      items.parentClock.push(parentClock)
      items.nests.push(nests)
      if (nests) nesting++
      // An item overlapping the one before it is not found by id (the inspection reports it).
      if (previous === undefined || start >= items.clock[previous]! + items.length[previous]!) list.push(at)
    }
  }
  const deleting = new Set<number>()
  const clients = decoding.readVarUint(d)
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(d)
    const deletes = decoding.readVarUint(d)
    if (deletes > 0) deleting.add(client)
    for (let i = 0; i < deletes; i++) skipId(d) // a clock and a length, read alike
  }

  // An item whose parent, as the inspection finds it by id, is a field of a map in this update:
  // the inspection places neither deeper than a field, so it reports the item unexplained.
  let tooDeep = false
  for (let at = 0; at < items.client.length && nesting > 0 && !tooDeep; at++) {
    if (items.parentClient[at]! < 0) continue
    const parent = find(items, byClient, items.parentClient[at]!, items.parentClock[at]!)
    tooDeep = parent >= 0 && items.nests[parent]!
  }
  return { structs, deletingClients: deleting.size, tooDeep }
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d)
  decoding.readVarUint(d)
}

/** Reads past an item's content as Yjs's contentRefs do, and returns the item's length. */
function readContentLength(d: decoding.Decoder, ref: number): number | null {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(d)
    case 2: { // JSON
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) {
        const c = decoding.readVarString(d)
        if (c !== 'undefined') JSON.parse(c)
      }
      return len
    }
    case 3: // binary
      decoding.readVarUint8Array(d)
      return 1
    case 4: // string, whose length Yjs counts in UTF-16 units
      return decoding.readVarString(d).length
    case 5: // embed
      JSON.parse(decoding.readVarString(d))
      return 1
    case 6: // format
      decoding.readVarString(d)
      JSON.parse(decoding.readVarString(d))
      return 1
    case 7: { // a shared type
      const type = decoding.readVarUint(d)
      if (type >= TYPE_REFS) throw new Error(`unknown type ${type}`)
      if (type === XML_ELEMENT || type === XML_HOOK) decoding.readVarString(d)
      return 1
    }
    case 8: { // any
      const len = decoding.readVarUint(d)
      for (let i = 0; i < len; i++) decoding.readAny(d)
      return len
    }
    case CONTENT_DOC:
      return null
    default:
      throw new Error(`unknown content ${ref}`)
  }
}

/** The place of the new item holding an id, or -1. */
function find(items: Scanned, byClient: Map<number, number[]>, client: number, clock: number): number {
  const list = byClient.get(client)
  return list ? findRun(list, clock, (at) => items.clock[at]!, (at) => items.length[at]!) : -1
}
