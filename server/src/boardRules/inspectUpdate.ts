import * as Y from 'yjs'
import { findRun } from './findRun'

/** Where a change lands in a document of root maps of entry maps (cards, patterns). */
interface Location {
  root: string
  /** The entry (card or pattern id) under the root, if known. */
  entry: string | null
  /** The field of the entry; null when the change is the entry itself. */
  key: string | null
}

/** What one update does to one entry. */
export interface EntryChange {
  /** A new entry map was put at this id (a new card, or one replaced whole). */
  created: boolean
  /** The entry itself was deleted. */
  deleted: boolean
  /** Field values the update sets. */
  fields: Map<string, unknown>
}

/** The effect of an update, read without applying it. */
export interface UpdateEffect {
  /** root name → entry id → change. */
  roots: Map<string, Map<string, EntryChange>>
  /** Something the board's shape does not explain (deeper nesting, unknown references). */
  unexplained: string[]
}

/** An update as Y.decodeUpdate reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Marks an item whose location is being resolved, to tell a loop of references. */
const RESOLVING = 1
type Resolved = Location | null | typeof RESOLVING | undefined

/** The most unexplained parts listed: the policy needs to know there are some, not every one. */
const UNEXPLAINED_LISTED = 20

/**
 * Reads which entries and fields an update touches, without applying it, by resolving every
 * new item's parent (given, or inherited from its neighbour as Yjs encodes it) and every
 * deletion against the live document. The board's policy then decides on this summary.
 * It costs time in proportion to the update (and, for deletions, to the items they name).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array | DecodedUpdate): UpdateEffect {
  // The endpoint decodes each update once, to refuse a corrupt one whole, and hands that here.
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update
  const effect: UpdateEffect = { roots: new Map(), unexplained: [] }
  const unexplained = (what: string) => {
    if (effect.unexplained.length < UNEXPLAINED_LISTED) effect.unexplained.push(what)
  }
  const pending = indexPending(doc, structs, unexplained)
  const change = (loc: Location): EntryChange | null => {
    if (loc.entry === null) return null
    const entries = effect.roots.get(loc.root) ?? new Map<string, EntryChange>()
    effect.roots.set(loc.root, entries)
    const entry = entries.get(loc.entry) ?? { created: false, deleted: false, fields: new Map() }
    entries.set(loc.entry, entry)
    return entry
  }

  /** The integrated item holding an id, when the document has it. */
  const findIntegrated = (id: Y.ID): Y.Item | null => {
    const structs = doc.store.clients.get(id.client)
    if (!structs) return null
    const last = structs[structs.length - 1]
    if (!last || id.clock >= last.id.clock + last.length) return null
    const struct = structs[Y.findIndexSS(structs, id.clock)]
    return struct instanceof Y.Item ? struct : null
  }

  // Each new item's location (by its place in pending.items), resolved once: an update may
  // chain every item onto the one before it (deep nesting, a text edited many times offline),
  // so walking each item's chain again would cost the square of the update's size.
  const located: Resolved[] = new Array(pending.items.length)
  // Items whose location follows from the next one up, walked without recursion: a chain may
  // be as long as the update.
  const chain: number[] = []
  const locatePending = (start: number): Location | null => {
    let above: Location | null = null
    for (let at = start; ; ) {
      const known = located[at]
      if (known === RESOLVING) break // items referring to each other in a loop explain nothing
      if (known !== undefined) {
        above = known
        break
      }
      const item = pending.items[at]!
      const parent = item.parent as unknown
      if (typeof parent === 'string') {
        above = { root: parent, entry: item.parentSub, key: null }
        located[at] = above
        break
      }
      const ref = parent === null ? item.origin ?? item.rightOrigin : parent instanceof Y.ID ? parent : null
      const next = ref ? pending.find(ref) : -1
      const integrated = ref && next < 0 ? findIntegrated(ref) : null
      if (next < 0 && !integrated) {
        located[at] = null
        break
      }
      chain.push(at)
      located[at] = RESOLVING
      if (integrated) {
        above = locateIntegrated(integrated)
        break
      }
      at = next
    }
    while (chain.length > 0) {
      const at = chain.pop()!
      const item = pending.items[at]!
      // Without a parent an item sits where its neighbour is; with one it is a field of that parent entry.
      if (item.parent !== null) above = above && above.key === null && above.entry !== null ? { root: above.root, entry: above.entry, key: item.parentSub } : null
      located[at] = above
    }
    const loc = located[start]
    return loc === RESOLVING ? null : loc ?? null
  }

  pending.items.forEach((item, at) => {
    const loc = locatePending(at)
    const target = loc && change(loc)
    if (!loc || !target) return unexplained(`item ${item.id.client}:${item.id.clock}`)
    if (loc.key === null) target.created = true
    else if (item.content instanceof Y.ContentAny) target.fields.set(loc.key, item.content.arr[0])
    else if (!(item.content instanceof Y.ContentDeleted)) unexplained(`nested value in ${loc.root}/${loc.key}`)
  })

  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    const last = structs?.[structs.length - 1]
    if (!structs || !last) continue
    const end = last.id.clock + last.length
    // Merged first, so ranges that repeat or overlap visit each deleted item once.
    for (const { clock, len } of mergeRanges(ranges)) {
      if (clock >= end) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const struct = structs[i]
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const loc = locateIntegrated(struct)
        const target = loc && change(loc)
        if (!loc || !target) unexplained(`deletion ${client}:${struct.id.clock}`)
        else if (loc.key === null) target.deleted = true
      }
    }
  }
  return effect
}

/** The update's new items in the order Yjs lists them, and a lookup of the one holding an id. */
interface PendingItems {
  items: Y.Item[]
  /** The place in `items` of the item holding the id, or -1. */
  find(id: Y.ID): number
}

/**
 * Indexes the update's new items by client, in clock order, for a binary search per lookup.
 * Yjs writes each client's items once, ascending and without overlap; items that overlap or
 * go back in clock (a hand-made update) are left out of the lookup and reported unexplained.
 */
function indexPending(doc: Y.Doc, structs: Array<Y.Item | Y.GC | Y.Skip>, unexplained: (what: string) => void): PendingItems {
  const items: Y.Item[] = []
  const byClient = new Map<number, number[]>()
  let client = -1
  let list: number[] = []
  let known = 0
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.id.client !== client) {
      client = struct.id.client
      list = byClient.get(client) ?? []
      byClient.set(client, list)
      known = Y.getState(doc.store, client)
    }
    // Items the document already has are skipped by Yjs too; only what is new can change anything.
    if (struct.id.clock + struct.length <= known) continue
    const previous = items[list[list.length - 1] ?? -1]
    items.push(struct)
    if (previous && struct.id.clock < previous.id.clock + previous.length) {
      unexplained(`item ${struct.id.client}:${struct.id.clock} overlaps an earlier one`)
      continue
    }
    list.push(items.length - 1)
  }
  return {
    items,
    find(id) {
      const list = byClient.get(id.client)
      return list ? findRun(list, id.clock, (at) => items[at]!.id.clock, (at) => items[at]!.length) : -1
    },
  }
}

/** Deletion ranges sorted by clock with overlapping and touching ones joined. */
function mergeRanges(ranges: ReadonlyArray<{ clock: number; len: number }>): Array<{ clock: number; len: number }> {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
  const merged: Array<{ clock: number; len: number }> = []
  for (const { clock, len } of sorted) {
    const last = merged[merged.length - 1]
    if (last && clock <= last.clock + last.len) last.len = Math.max(last.len, clock + len - last.clock)
    else merged.push({ clock, len })
  }
  return merged
}

/** The location of an item already in the document, from its parent types. */
function locateIntegrated(item: Y.Item): Location | null {
  const parent = item.parent as Y.AbstractType<unknown> | null
  if (!parent || typeof parent !== 'object' || !('_item' in parent)) return null
  if (parent._item === null) return { root: Y.findRootTypeKey(parent), entry: item.parentSub, key: null }
  const owner = parent._item
  const ownerParent = owner.parent as Y.AbstractType<unknown>
  if (ownerParent._item !== null) return null
  return { root: Y.findRootTypeKey(ownerParent), entry: owner.parentSub, key: item.parentSub }
}
