import * as Y from 'yjs'
import type { Storage } from '../storage/Storage'
import type { DocExtension } from './DocExtension'
import type { LiveDoc } from './LiveDoc'
import { STORED_ORIGIN } from './origins'

/** Reads a document's stored history again and applies what this copy lacks: not stored again, not relayed. */
export async function readStoreInto(live: LiveDoc, storage: Storage): Promise<void> {
  const { updates } = await storage.loadUpdates(live.name)
  if (updates.length > 0) Y.applyUpdate(live.doc, Y.mergeUpdates(updates), STORED_ORIGIN)
}

/**
 * With several processes, a change may reach this one before the change it builds on: a process
 * that stored a card and passed it to its peers can die before relaying it, and those peers then
 * bring the card here. The live document asks this extension to read the store before it
 * refuses such a change (LiveDoc.catchUp).
 */
export class CatchUpFromStore implements DocExtension {
  constructor(private storage: Storage) {}

  onCatchUp(live: LiveDoc): Promise<void> {
    return readStoreInto(live, this.storage)
  }
}
