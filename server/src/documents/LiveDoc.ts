import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { AwarenessChange, DocExtension } from './DocExtension'
import { remoteOrigin } from './origins'
import { encodeAwareness, encodeUpdate } from './protocol'

/** A connected peer of a document, as the live document sees it; it is also the Yjs origin of its changes. */
export interface Peer {
  readonly kind: 'peer'
  send(message: Uint8Array): void
  /** Awareness client ids this peer has announced, removed when it leaves. */
  awarenessIds: Set<number>
}

/**
 * Presence changes are gathered for this long and sent as one message: with 300 people each
 * renewing their state, relaying every change at once would be 300 × 300 messages a round.
 */
export const AWARENESS_BATCH_MS = 100

/**
 * One document held in memory while anybody has it open: the document, its presence and its
 * peers. Every accepted update goes to the other peers; storing it, snapshots and relaying to
 * other processes are extensions (DocExtension.ts) that see each update with its origin.
 */
export class LiveDoc {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Set<Peer>()
  /** Which connection announced each awareness client id: presence can only be one's own. */
  readonly awarenessOwners = new Map<number, Peer>()
  private pending = new Set<Promise<void>>()
  private awarenessPending = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null

  constructor(
    readonly name: string,
    readonly extensions: readonly DocExtension[] = [],
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin))
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwareness(change, origin))
  }

  /** Runs every extension's load, in order. */
  async load(): Promise<void> {
    for (const extension of this.extensions) await extension.onLoad?.(this)
  }

  /** Applies an update another process accepted: its peers here receive it; it is neither stored nor relayed again. */
  applyRemoteUpdate(update: Uint8Array, source: string): void {
    Y.applyUpdate(this.doc, update, remoteOrigin(source))
  }

  /** Applies presence relayed from another process (an awareness update as y-protocols encodes it). */
  applyRemoteAwareness(update: Uint8Array, source: string): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, remoteOrigin(source))
  }

  /** Resolves once every extension has finished with the updates received so far (e.g. they are stored). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending])
    for (const extension of this.extensions) await extension.flush?.(this)
  }

  /** Asks the extensions to write what they keep (compaction, snapshots); periodic and before unload. */
  async store(): Promise<void> {
    await this.flush()
    for (const extension of this.extensions) await extension.onStore?.(this)
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    const message = encodeUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
    for (const extension of this.extensions) {
      const done = extension.onUpdate?.(this, update, origin)
      if (done) this.track(done)
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error) => console.error(`[board] an extension failed on an update of ${this.name}`, error))
      .finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }

  private onAwareness(change: AwarenessChange, origin: unknown): void {
    const { added, updated, removed } = change
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
    for (const extension of this.extensions) extension.onAwareness?.(this, change, origin)
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
    for (const extension of this.extensions) extension.onDestroy?.(this)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
