import * as Y from 'yjs'

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

type Found = { item: Y.Item; pending: boolean }

/**
 * Reads which entries and fields an update touches, without applying it, by resolving every
 * new item's parent (given, or inherited from its neighbour as Yjs encodes it) and every
 * deletion against the live document. The board's policy then decides on this summary.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateEffect {
  const { structs, ds } = Y.decodeUpdate(update)
  const pending = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    // Items the document already has are skipped by Yjs too; only what is new can change anything.
    if (!(struct instanceof Y.Item) || struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    const list = pending.get(struct.id.client) ?? []
    list.push(struct)
    pending.set(struct.id.client, list)
  }
  const effect: UpdateEffect = { roots: new Map(), unexplained: [] }
  const change = (loc: Location): EntryChange | null => {
    if (loc.entry === null) return null
    const entries = effect.roots.get(loc.root) ?? new Map<string, EntryChange>()
    effect.roots.set(loc.root, entries)
    const entry = entries.get(loc.entry) ?? { created: false, deleted: false, fields: new Map() }
    entries.set(loc.entry, entry)
    return entry
  }

  const find = (id: Y.ID): Found | null => {
    const inUpdate = pending.get(id.client)?.find((i) => i.id.clock <= id.clock && id.clock < i.id.clock + i.length)
    if (inUpdate) return { item: inUpdate, pending: true }
    const structs = doc.store.clients.get(id.client)
    if (!structs) return null
    const last = structs[structs.length - 1]
    if (!last || id.clock >= last.id.clock + last.length) return null
    const struct = structs[Y.findIndexSS(structs, id.clock)]
    return struct instanceof Y.Item ? { item: struct, pending: false } : null
  }

  const locatePending = (item: Y.Item, depth = 0): Location | null => {
    if (depth > 64) return null
    const parent = item.parent as unknown
    if (parent === null) {
      const neighbour = item.origin ?? item.rightOrigin
      const found = neighbour && find(neighbour)
      if (!found) return null
      return found.pending ? locatePending(found.item, depth + 1) : locateIntegrated(found.item)
    }
    if (typeof parent === 'string') return { root: parent, entry: item.parentSub, key: null }
    if (parent instanceof Y.ID) {
      const found = find(parent)
      if (!found) return null
      const owner = found.pending ? locatePending(found.item, depth + 1) : locateIntegrated(found.item)
      if (!owner || owner.key !== null || owner.entry === null) return null
      return { root: owner.root, entry: owner.entry, key: item.parentSub }
    }
    return null
  }

  for (const list of pending.values()) {
    for (const item of list) {
      const loc = locatePending(item)
      const target = loc && change(loc)
      if (!loc || !target) {
        effect.unexplained.push(`item ${item.id.client}:${item.id.clock}`)
        continue
      }
      if (loc.key === null) target.created = true
      else if (item.content instanceof Y.ContentAny) target.fields.set(loc.key, item.content.arr[0])
      else if (!(item.content instanceof Y.ContentDeleted)) effect.unexplained.push(`nested value in ${loc.root}/${loc.key}`)
    }
  }

  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    for (const { clock, len } of ranges) {
      const last = structs[structs.length - 1]
      if (!last || clock >= last.id.clock + last.length) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const struct = structs[i]
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const loc = locateIntegrated(struct)
        const target = loc && change(loc)
        if (!loc || !target) effect.unexplained.push(`deletion ${client}:${struct.id.clock}`)
        else if (loc.key === null) target.deleted = true
      }
    }
  }
  return effect
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
