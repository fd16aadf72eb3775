import * as Y from 'yjs'
import type { Storage } from '../storage/Storage'
import type { DocRegistry } from './DocRegistry'

/**
 * A throwaway copy of a document built from its stored updates, for reading (counting cards,
 * a recap) without opening it in the registry and keeping it in memory. What an open document
 * holds is written first, so the copy is current. The caller destroys it.
 */
export async function readStoredDoc(storage: Storage, docs: DocRegistry, name: string): Promise<Y.Doc> {
  await docs.flushIfOpen(name)
  const doc = new Y.Doc()
  const { updates } = await storage.loadUpdates(name)
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates))
  return doc
}
