import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Storage } from '../storage/Storage'
import { encodeAwareness, encodeUpdate } from './protocol'

/** A connected peer of a document, as the live document sees it. */
export interface Peer {
  send(message: Uint8Array): void
  /** Awareness client ids this peer has announced, removed when it leaves. */
  awarenessIds: Set<number>
}

/**
 * Presence changes are gathered for this long and sent as one message: with 300 people each
 * renewing their state, relaying every change at once would be 300 × 300 messages a round.
 */
export const AWARENESS_BATCH_MS = 100

/** Merge stored updates into one once a document has this many, so storage stays bounded. */
export const COMPACT_AFTER_UPDATES = 500

/**
 * One document held in memory while anybody has it open: every accepted update is persisted
 * before it is relayed, so what a client saw acknowledged survives a restart.
 */
export class LiveDoc {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Set<Peer>()
  /** Which connection announced each awareness client id: presence can only be one's own. */
  readonly awarenessOwners = new Map<number, Peer>()
  /** Set by every accepted change; the snapshot timer clears it. */
  changedSinceSnapshot = false
  private storedCount = 0
  private pendingWrites = new Set<Promise<void>>()
  private awarenessPending = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null

  constructor(
    readonly name: string,
    private storage: Storage,
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin))
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwareness(change, origin))
  }

  /** Loads stored updates; compacts them when there are many. */
  async load(): Promise<void> {
    const updates = await this.storage.loadUpdates(this.name)
    Y.transact(this.doc, () => updates.forEach((u) => Y.applyUpdate(this.doc, u)), this.storage, false)
    this.storedCount = updates.length
    await this.compactIfLarge()
  }

  /** Replaces the stored history by a single update of the current state. */
  async compact(): Promise<void> {
    await this.flush()
    const count = this.storedCount
    await this.storage.compactUpdates(this.name, Y.encodeStateAsUpdate(this.doc), count)
    this.storedCount -= count - 1
  }

  /** Compacts when the stored history has grown past the threshold; cheap to call often. */
  async compactIfLarge(): Promise<void> {
    if (this.storedCount > COMPACT_AFTER_UPDATES) await this.compact()
  }

  /** Resolves once every update received so far is in storage. */
  async flush(): Promise<void> {
    await Promise.all([...this.pendingWrites])
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this.storage) return
    this.changedSinceSnapshot = true
    const write = this.storage
      .appendUpdate(this.name, update)
      .then(() => void this.storedCount++)
      .catch((error) => console.error(`[board] could not store an update of ${this.name}`, error))
      .finally(() => this.pendingWrites.delete(write))
    this.pendingWrites.add(write)
    const message = encodeUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
  }

  private onAwareness({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (origin && this.peers.has(origin as Peer)) {
      const peer = origin as Peer
      for (const id of added) {
        peer.awarenessIds.add(id)
        this.awarenessOwners.set(id, peer)
      }
      for (const id of removed) {
        peer.awarenessIds.delete(id)
        this.awarenessOwners.delete(id)
      }
    }
    for (const id of [...added, ...updated, ...removed]) this.awarenessPending.add(id)
    this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_BATCH_MS)
  }

  private flushAwareness(): void {
    this.awarenessTimer = null
    const changed = [...this.awarenessPending]
    this.awarenessPending.clear()
    if (changed.length === 0 || this.peers.size === 0) return
    const message = encodeAwareness(this.awareness, changed)
    for (const peer of this.peers) peer.send(message)
  }

  /** Forgets a peer and the presence it announced. */
  removePeer(peer: Peer): void {
    this.peers.delete(peer)
    for (const id of peer.awarenessIds) if (this.awarenessOwners.get(id) === peer) this.awarenessOwners.delete(id)
    if (peer.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
    }
  }

  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
