import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { DecodedUpdate } from '../boardRules/inspectUpdate'
import { claimsOthers } from './awarenessClaims'
import type { LiveDoc, Peer } from './LiveDoc'
import { MESSAGE, encodeAwareness, encodeSyncStep1 } from './protocol'

/** How much a connection may send while its change waits for a catch-up from the store. */
export const HELD_MAX_BYTES = 4 * 1024 * 1024

/** Said to a connection that sent more than HELD_MAX_BYTES while waiting. */
export const CATCHING_UP = 'the server is catching up with the board: your changes are sent again in a moment'

/** Thrown for a frame that is not valid y-websocket protocol; the endpoint closes that connection. */
export class MalformedMessage extends Error {}

/** Thrown for a well-formed update that breaks a rule of the document; the reason goes to the writer. */
export class RefusedChange extends Error {}

/** Thrown for a change the server cannot save now (its store is in trouble): the writer keeps it and sends it again later. */
export class NotSavedNow extends Error {}

/** What closes a connection for its frames: a refused change, one not saved now, a frame outside the protocol. */
export type FrameFailure = RefusedChange | NotSavedNow | MalformedMessage

/** Anything else thrown while reading a frame (Yjs' own decoding errors) counts as a frame outside the protocol. */
function asFrameFailure(error: unknown): FrameFailure {
  return error instanceof RefusedChange || error instanceof NotSavedNow || error instanceof MalformedMessage ? error : new MalformedMessage(String(error))
}

/** What a connection may do to its document. */
export interface Access {
  /** False for read-only connections: their updates are dropped silently. */
  canWrite: boolean
  /**
   * Why the server takes no changes now (its store is in trouble), or null. Asked before the
   * rules: a change that would add to the document is then not judged but sent back for later.
   */
  unavailable?: (doc: Y.Doc, update: Uint8Array) => string | null
  /** Rules on the content of an update (given also as decoded once by the peer); returns the reason to refuse it, or null. */
  check?: (doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate) => string | null
  /** Called once an update that passed `check` is applied, for what the server adds to it. */
  accepted?: (doc: Y.Doc) => void
  /** False for a document nobody shows presence on: presence sent to it is dropped, not relayed. */
  presence?: boolean
}

/**
 * One client connection to one document. It speaks the y-websocket protocol itself rather than
 * through setupWSConnection, because that has no read-only mode: here a connection whose role
 * may not write has its document updates dropped before they touch the document (the place
 * where Hocuspocus checks `connection.readOnly`).
 */
export class DocumentPeer implements Peer {
  readonly kind = 'peer'
  readonly awarenessIds = new Set<number>()
  /** Updates refused because this connection may not write; for logs and tests. */
  droppedUpdates = 0
  sent = false

  /**
   * Frames that arrived while a change waits for the document to catch up from the store before
   * it is judged again; null while none waits. They are handled afterwards, in order.
   */
  private held: Uint8Array[] | null = null
  private heldBytes = 0
  private stopped = false

  /**
   * `wantsRenewals`: false when the client asked for its connection to stand for liveness
   * (LIVENESS_PARAM). `failed` closes the connection for what `receive` would have thrown, when
   * it comes later: a change refused after catching up or not kept by the store, a bad frame held meanwhile.
   */
  constructor(
    private live: LiveDoc,
    private transport: (message: Uint8Array) => void,
    private access: Access,
    readonly wantsRenewals = true,
    private failed: (error: FrameFailure) => void = () => {},
  ) {}

  refuse(reason: string, later = false): void {
    this.failed(later ? new NotSavedNow(reason) : new RefusedChange(reason))
  }

  send(message: Uint8Array): void {
    this.sent = true
    this.transport(message)
  }

  /** Opens the conversation: our state vector, then who else is here. */
  start(): void {
    this.live.addPeer(this)
    this.send(encodeSyncStep1(this.live.doc))
    const others = [...this.live.awareness.getStates().keys()]
    if (others.length > 0) this.send(encodeAwareness(this.live.awareness, others))
  }

  /** Handles one binary frame; throws MalformedMessage for anything outside the protocol. */
  receive(frame: Uint8Array): void {
    if (this.held) return this.hold(frame)
    try {
      this.dispatch(frame)
    } catch (error) {
      throw asFrameFailure(error)
    }
  }

  private dispatch(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE.sync:
        return this.receiveSync(decoder)
      case MESSAGE.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        if (this.access.presence === false) return
        if (claimsOthers(update, this, this.live.awarenessOwners)) return
        awarenessProtocol.applyAwarenessUpdate(this.live.awareness, update, this)
        return
      }
      case MESSAGE.queryAwareness:
        this.send(encodeAwareness(this.live.awareness, [...this.live.awareness.getStates().keys()]))
        return
      case MESSAGE.auth:
        return // The token was checked at connect time; there is nothing to renegotiate.
      default:
        throw new MalformedMessage(`unknown message type ${type}`)
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    if (step === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, MESSAGE.sync)
      syncProtocol.readSyncStep1(decoder, reply, this.live.doc)
      this.send(encoding.toUint8Array(reply))
      return
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new MalformedMessage(`unknown sync step ${step}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    if (!this.access.canWrite) {
      this.droppedUpdates++
      return
    }
    this.applyChecked(update, true)
  }

  /**
   * Applies an update the rules accept. One they refuse may build on a change this process has
   * not heard of yet (another process stored it, then died before relaying it): the document
   * catches up from the store first, and only what the rules still refuse is refused.
   */
  private applyChecked(update: Uint8Array, mayCatchUp: boolean): void {
    // Decoding first parses the whole update without touching the document, so a corrupt
    // frame is refused whole instead of being half applied; the rules read the same decoding,
    // made when they first need it: they may refuse a large frame from its bytes alone.
    const unavailable = this.access.unavailable?.(this.live.doc, update)
    if (unavailable) throw new NotSavedNow(unavailable)
    const decoded = decodeOnDemand(update)
    const refusal = this.access.check?.(this.live.doc, update, decoded)
    if (refusal) {
      const caughtUp = mayCatchUp ? this.live.catchUp() : null
      if (!caughtUp) throw new RefusedChange(refusal)
      this.held = []
      void caughtUp.then(() => this.judgeAgain(update))
      return
    }
    // Rules that read nothing still leave a corrupt frame refused whole, not half applied.
    void decoded.structs
    Y.applyUpdate(this.live.doc, update, this)
    this.access.accepted?.(this.live.doc)
  }

  /**
   * Keeps a frame until the catch-up is done. A connection that sends more than HELD_MAX_BYTES
   * meanwhile is asked to send it again later (4503) rather than held in memory without bound.
   */
  private hold(frame: Uint8Array): void {
    this.heldBytes += frame.byteLength
    if (this.heldBytes <= HELD_MAX_BYTES) return void this.held!.push(frame)
    this.stopped = true
    this.held = null
    this.failed(new NotSavedNow(CATCHING_UP))
  }

  private judgeAgain(update: Uint8Array): void {
    const held = this.held ?? []
    this.held = null
    this.heldBytes = 0
    if (this.stopped) return
    try {
      this.applyChecked(update, false)
      for (let i = 0; i < held.length; i++) {
        // A held frame that waits for a catch-up of its own holds the rest behind it again.
        const holding = this.held as Uint8Array[] | null
        if (holding) return void holding.push(...held.slice(i))
        this.receive(held[i]!)
      }
    } catch (error) {
      this.failed(asFrameFailure(error))
    }
  }

  stop(): void {
    this.stopped = true
    this.held = null
    this.live.removePeer(this)
  }
}

/** An update's decoding, made once on first reading (a decoding error is thrown there). */
function decodeOnDemand(update: Uint8Array): DecodedUpdate {
  let decoded: DecodedUpdate | null = null
  const decode = () => (decoded ??= Y.decodeUpdate(update))
  return {
    get structs() {
      return decode().structs
    },
    get ds() {
      return decode().ds
    },
  }
}
