import * as Y from 'yjs'
import type { NewCard } from '@harvest/shared'
import { PLENARY_AREA, migrateBoard } from '@harvest/shared'

/**
 * A server's board document and clients synced from it, without a network: `act` performs a
 * change on a client and returns the update that client would send.
 */
export function yjsPeers() {
  const server = new Y.Doc()
  migrateBoard(server)
  const client = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return doc
  }
  const act = (doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(doc)
    change(doc)
    return Y.encodeStateAsUpdate(doc, before)
  }
  return { server, client, act }
}

/** A plain plenary card of a Galway pilot, written by `authorId`. */
export const plainCard = (id: string, authorId = 'ann', text = `card ${id}`): NewCard => ({
  id,
  text,
  authorId,
  authorName: authorId,
  city: 'Galway',
  cityKind: 'pilot',
  area: PLENARY_AREA,
})
