import * as Y from 'yjs'
import type { Storage } from '../storage/Storage'
import type { DocExtension } from './DocExtension'
import type { LiveDoc } from './LiveDoc'
import { STORED_ORIGIN, isLocalChange } from './origins'

/** Merge stored updates into one once a document has this many, so storage stays bounded. */
export const COMPACT_AFTER_UPDATES = 500

/**
 * Keeps a document in the store: loads its updates, appends every change made in this process
 * (not those read back from the store, nor those another process stored and relayed), and
 * compacts the stored history up to the cursor the store returned, so updates another process
 * appended after it are kept.
 *
 * The live document relays an update to its peers and to other processes only once its write
 * here resolved (`onAccept`), in the order accepted; a write that fails refuses the change to
 * its writer instead. The embedded store answers within the same turn, so this costs the relay
 * a microtask; PostgreSQL costs it a round trip. Should the process die before the store
 * answers, nobody else was sent the change: only its writer holds it, and brings it to the
 * next process in its own name. What the server acknowledges (an HTTP answer, a socket event's
 * reply, a report) waits for `flush()`, which resolves once every update so far is stored.
 */
export class StoreUpdates implements DocExtension {
  /** Updates stored since the last compaction, as far as this process knows; only decides when to compact. */
  private storedCount = 0
  private writes = new Set<Promise<void>>()

  constructor(private storage: Storage) {}

  async onLoad(live: LiveDoc): Promise<void> {
    const { updates, seq } = await this.storage.loadUpdates(live.name)
    Y.transact(live.doc, () => updates.forEach((u) => Y.applyUpdate(live.doc, u)), STORED_ORIGIN, false)
    this.storedCount = updates.length
    if (this.storedCount > COMPACT_AFTER_UPDATES) await this.compactTo(live, seq)
  }

  /** Resolves once the store has the update; rejects with the store's refusal (the live document tells the writer). */
  onAccept(live: LiveDoc, update: Uint8Array, origin: unknown): Promise<void> | undefined {
    if (!isLocalChange(origin)) return undefined
    const stored = this.storage.appendUpdate(live.name, update).then(() => void this.storedCount++)
    const write = stored
      .catch((error) => console.error(`[board] could not store an update of ${live.name}`, error))
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
    return stored
  }

  async flush(): Promise<void> {
    await Promise.all([...this.writes])
  }

  async onStore(live: LiveDoc): Promise<void> {
    if (this.storedCount > COMPACT_AFTER_UPDATES) await this.compact(live)
  }

  /**
   * Replaces the stored history by one update. The store is read again first: whatever it holds
   * up to its cursor that this copy lacks (another process's update not relayed yet) is applied,
   * so the merged update covers everything it replaces.
   */
  async compact(live: LiveDoc): Promise<void> {
    await this.flush()
    const { updates, seq } = await this.storage.loadUpdates(live.name)
    if (updates.length > 0) Y.applyUpdate(live.doc, Y.mergeUpdates(updates), STORED_ORIGIN)
    await this.compactTo(live, seq)
  }

  private async compactTo(live: LiveDoc, seq: number): Promise<void> {
    if (seq === 0) return
    const countBefore = this.storedCount
    await this.storage.compactUpdates(live.name, Y.encodeStateAsUpdate(live.doc), seq)
    // Appends that finished meanwhile are after the cursor and stay, beside the merged one.
    this.storedCount = 1 + Math.max(0, this.storedCount - countBefore)
  }
}
