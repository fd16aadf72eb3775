import * as Y from 'yjs'
import type { AccessFor } from '../documents/documentAccess'
import type { StoreHealth } from './storeHealth'

/**
 * Board and harvest changes while the store is in trouble are sent back before they touch the
 * document (close 4503 with the reason: the client keeps the change, tells the person and sends
 * it again after a pause), because a change applied in memory would reach everyone without
 * being kept. What only repeats the server's state (a reconnecting client's opening sync)
 * passes, so people keep reading.
 */
export function gateOnStore(accessFor: AccessFor, health: StoreHealth): AccessFor {
  return async (kind, identity, sessionId) => {
    const access = await accessFor(kind, identity, sessionId)
    if (!access.canWrite) return access
    return {
      ...access,
      unavailable: (doc, update) => (!health.ok && addsToDocument(doc, update) ? health.message() : null),
    }
  }
}

/** Whether applying `update` would change `doc`: new items, or deletions it does not have yet. */
export function addsToDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)))
  if (structs.length > 0) return true
  if (ds.clients.size === 0) return false
  const known = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of ds.clients) {
    const have = known.clients.get(client) ?? []
    for (const { clock, len } of ranges) if (!covered(have, clock, clock + len)) return true
  }
  return false
}

/** Whether sorted, merged ranges cover [from, to). */
function covered(ranges: readonly { clock: number; len: number }[], from: number, to: number): boolean {
  let at = from
  for (const range of ranges) {
    if (range.clock > at) break
    if (range.clock + range.len > at) at = range.clock + range.len
    if (at >= to) return true
  }
  return at >= to
}
