import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { HeldUpdate } from '../lifecycle/guardedStorage'
import { Refusal } from '../Refusal'
import type { AwarenessChange, DocExtension } from './DocExtension'
import { remoteOrigin } from './origins'
import { encodeAwareness, encodeUpdate } from './protocol'

/** A connected peer of a document, as the live document sees it; it is also the Yjs origin of its changes. */
export interface Peer {
  readonly kind: 'peer'
  send(message: Uint8Array): void
  /** Awareness client ids this peer has announced, removed when it leaves. */
  awarenessIds: Set<number>
  /**
   * True for a client whose awareness drops presence it hears no renewal of within 30 s
   * (y-websocket's default): it gets every renewal. False when the connection stands for
   * liveness (LIVENESS_PARAM): it hears presence only when it changes.
   */
  readonly wantsRenewals?: boolean
  /** Set by every message sent to the peer; the keep-alive tick clears it. */
  sent?: boolean
  /**
   * Closes the peer's connection with the reason its change was not kept: refused (4422), or,
   * with `later`, not saved now for the store's trouble (4503), which the client sends again.
   */
  refuse?(reason: string, later?: boolean): void
}

/** Said to a peer whose change could not be kept for a reason that is not the store's trouble. */
export const NOT_KEPT = 'the server could not keep this change; reload to see the board as it is'

/**
 * Presence changes are gathered for this long and sent as one message: with 300 people each
 * renewing their state, relaying every change at once would be 300 × 300 messages a round.
 */
export const AWARENESS_BATCH_MS = 100

/**
 * A peer that was sent nothing for this long gets an empty presence message: y-websocket's
 * provider reconnects after 30 s without a message, and renewals no longer fill the silence.
 */
export const KEEPALIVE_MS = 10_000

/** At most one catch-up from the store per document this often (LiveDoc.catchUp). */
export const CATCH_UP_SPACING_MS = 500

/** An awareness message with no states: changes nothing at the client, but is a message. */
const KEEPALIVE = new Uint8Array([1, 1, 0])

/**
 * One document held in memory while anybody has it open: the document, its presence and its
 * peers. Every accepted update goes to the other peers once the extensions that keep it
 * (`onAccept`: the store) have it, in the order accepted, so a process that dies in between
 * has passed nobody a change the store lacks; snapshots and relaying to other processes are
 * extensions too (DocExtension.ts) that see each update with its origin.
 */
export class LiveDoc {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Set<Peer>()
  /** Which connection announced each awareness client id: presence can only be one's own. */
  readonly awarenessOwners = new Map<number, Peer>()
  private pending = new Set<Promise<void>>()
  /**
   * Accepted updates wait here for their writes, so they reach the peers in the order accepted
   * and never before the store has them. Null while nothing waits: an update that needs no
   * write then goes out at once, in the same turn.
   */
  private relayChain: Promise<void> | null = null
  private waiting = 0
  /** Presence that changed since the last batch: for every peer. */
  private awarenessChanged = new Set<number>()
  /** Presence renewed unchanged since the last batch: only for peers that want renewals. */
  private awarenessRenewed = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null
  private keepAlive: NodeJS.Timeout
  private catchUpRunning: Promise<void> | null = null
  private catchUpQueued: Promise<void> | null = null
  private catchUpStarted = -Infinity
  /** How many peers want renewals; while none does, a renewal costs nothing but its parse. */
  private renewalPeers = 0

  constructor(
    readonly name: string,
    readonly extensions: readonly DocExtension[] = [],
  ) {
    // The server holds no awareness state of its own, and expires nobody's: a peer's presence
    // lasts as long as its connection (removePeer), so renewals need not reach anyone else.
    this.awareness.setLocalState(null)
    clearInterval(this.awareness._checkInterval)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin))
    this.awareness.on('change', (change: AwarenessChange, origin: unknown) => this.onAwarenessChange(change, origin))
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onAwarenessUpdate(change, origin))
    this.keepAlive = setInterval(() => this.keepPeersAlive(), KEEPALIVE_MS)
    this.keepAlive.unref()
  }

  /**
   * Catches the document up from the store (DocExtension.onCatchUp); null when no extension can,
   * as with one process, whose copy holds all the store does. One catch-up runs at a time, and
   * one asked for while another runs gets the next: that one starts after it was asked, so it
   * reads whatever was stored before. A flood of refused changes (a hostile writer reconnecting
   * again and again) costs one read at a time, and at most one read per CATCH_UP_SPACING_MS.
   */
  catchUp(): Promise<void> | null {
    if (!this.extensions.some((extension) => extension.onCatchUp)) return null
    if (this.catchUpQueued) return this.catchUpQueued
    if (!this.catchUpRunning && performance.now() >= this.catchUpStarted + CATCH_UP_SPACING_MS) return this.startCatchUp()
    this.catchUpQueued = (this.catchUpRunning ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, this.catchUpStarted + CATCH_UP_SPACING_MS - performance.now()))))
      .then(() => {
        this.catchUpQueued = null
        return this.startCatchUp()
      })
    return this.catchUpQueued
  }

  private startCatchUp(): Promise<void> {
    this.catchUpStarted = performance.now()
    const run: Promise<void> = (async () => {
      for (const extension of this.extensions) await extension.onCatchUp?.(this)
    })()
      .catch((error: unknown) => console.error(`[board] could not catch ${this.name} up from the store`, error))
      .finally(() => {
        if (this.catchUpRunning === run) this.catchUpRunning = null
      })
    this.catchUpRunning = run
    return run
  }

  /** Takes a peer in; it then receives every update and presence change. */
  addPeer(peer: Peer): void {
    if (this.peers.has(peer)) return
    this.peers.add(peer)
    if (peer.wantsRenewals) this.renewalPeers++
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
    while (this.relayChain) await this.relayChain
    await Promise.all([...this.pending])
    for (const extension of this.extensions) await extension.flush?.(this)
  }

  /** Asks the extensions to write what they keep (compaction, snapshots); periodic and before unload. */
  async store(): Promise<void> {
    await this.flush()
    for (const extension of this.extensions) await extension.onStore?.(this)
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    const writes: Promise<void>[] = []
    for (const extension of this.extensions) {
      const write = extension.onAccept?.(this, update, origin)
      if (write) writes.push(write)
    }
    if (writes.length === 0 && !this.relayChain) return this.relay(update, origin)
    const kept = Promise.all(writes)
    const previous = this.relayChain ?? Promise.resolve()
    this.waiting++
    const next: Promise<void> = previous
      .then(() => kept)
      .then(
        () => this.relay(update, origin),
        (error: unknown) => this.notKept(update, error, origin),
      )
      .catch((error: unknown) => console.error(`[board] could not relay an update of ${this.name}`, error))
      .finally(() => {
        if (--this.waiting === 0 && this.relayChain === next) this.relayChain = null
      })
    this.relayChain = next
  }

  /**
   * Sends a kept update to the extensions that follow it (other processes, snapshots), then to
   * the other peers here: a peer that brings the update to another process later finds it known there.
   */
  private relay(update: Uint8Array, origin: unknown): void {
    for (const extension of this.extensions) {
      const done = extension.onUpdate?.(this, update, origin)
      if (done) this.track(done)
    }
    const message = encodeUpdate(update)
    for (const peer of this.peers) if (peer !== origin) peer.send(message)
  }

  /**
   * An update whose write failed reaches nobody; its writer is told why (the store's trouble, as
   * StoreHealth words it). One the store's trouble holds goes out once it is written: it is in
   * this copy already, and the changes after it build on it.
   */
  private notKept(update: Uint8Array, error: unknown, origin: unknown): void {
    const refusal = error instanceof Refusal
    if (!refusal) console.error(`[board] an update of ${this.name} could not be kept`, error)
    const later = refusal && error.code === 'unavailable'
    if (origin && this.peers.has(origin as Peer)) (origin as Peer).refuse?.(refusal ? error.message : NOT_KEPT, later)
    if (error instanceof HeldUpdate) {
      void error.stored.then(() => this.relay(update, origin)).catch((failure: unknown) => console.error(`[board] could not relay a held update of ${this.name}`, failure))
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error) => console.error(`[board] an extension failed on an update of ${this.name}`, error))
      .finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }

  /** A presence that really changed (added, different, removed): every peer hears of it. */
  private onAwarenessChange(change: AwarenessChange, origin: unknown): void {
    for (const id of change.added) this.awarenessChanged.add(id)
    for (const id of change.updated) this.awarenessChanged.add(id)
    for (const id of change.removed) this.awarenessChanged.add(id)
    this.scheduleAwareness()
    for (const extension of this.extensions) extension.onAwareness?.(this, change, origin)
  }

  /** Every presence message, renewals included: tracks who announced what, and renewals for the peers that want them. */
  private onAwarenessUpdate({ added, updated, removed }: AwarenessChange, origin: unknown): void {
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
    if (this.renewalPeers === 0) return
    for (const id of updated) this.awarenessRenewed.add(id)
    this.scheduleAwareness()
  }

  private scheduleAwareness(): void {
    this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_BATCH_MS)
  }

  private flushAwareness(): void {
    this.awarenessTimer = null
    const changed = [...this.awarenessChanged]
    const renewed = [...this.awarenessRenewed].filter((id) => !this.awarenessChanged.has(id))
    this.awarenessChanged.clear()
    this.awarenessRenewed.clear()
    if (this.peers.size === 0) return
    // Encoded once per batch, not once per peer.
    const forAll = changed.length > 0 ? encodeAwareness(this.awareness, changed) : null
    const withRenewals = renewed.length > 0 && this.renewalPeers > 0 ? encodeAwareness(this.awareness, [...changed, ...renewed]) : forAll
    for (const peer of this.peers) {
      const message = peer.wantsRenewals ? withRenewals : forAll
      if (message) peer.send(message)
    }
  }

  private keepPeersAlive(): void {
    for (const peer of this.peers) {
      if (!peer.sent) peer.send(KEEPALIVE)
      peer.sent = false
    }
  }

  /** Forgets a peer and the presence it announced. */
  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    if (peer.wantsRenewals) this.renewalPeers--
    for (const id of peer.awarenessIds) if (this.awarenessOwners.get(id) === peer) this.awarenessOwners.delete(id)
    if (peer.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null)
    }
  }

  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    clearInterval(this.keepAlive)
    for (const extension of this.extensions) extension.onDestroy?.(this)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
