import * as encoding from 'lib0/encoding'
import WS from 'ws'
import { track } from '../testing/cleanup'

/** Sync step 1 with an empty state vector: the server answers every one with a sync step 2. */
const PROBE = new Uint8Array([0, 0, 1, 0])

/** Sync step 1 with the state vector the server's document has, so the answer is small however large it grows. */
function probeAt(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

const isStep2 = (data: Buffer) => data[0] === 0 && data[1] === 1

export type Closed = { code: number; reason: string }

/**
 * A raw connection to a document endpoint that tells, for each frame, whether the server
 * refused it (closed the connection) or took it: after the frame it sends a probe the server
 * answers in order, so an answer to the probe means the frame was handled without a refusal.
 */
export class RawPeer {
  closed: Closed | null = null
  private answers = 0
  private wake: (() => void) | null = null

  private constructor(
    readonly ws: WS,
    private stateVector: () => Uint8Array,
  ) {
    ws.on('message', (data: Buffer) => {
      if (isStep2(data)) this.answers++
      this.wake?.()
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() }
      this.wake?.()
    })
    ws.on('error', () => {})
    track(() => ws.terminate())
  }

  /** `stateVector` reads the server document's state vector, for probes with small answers. */
  static async open(url: string, stateVector: () => Uint8Array): Promise<RawPeer> {
    const peer = new RawPeer(new WS(url), stateVector)
    await new Promise<void>((resolve, reject) => {
      peer.ws.once('open', () => resolve())
      peer.ws.once('close', (code, reason) => reject(new Error(`closed on opening: ${code} ${reason.toString()}`)))
    })
    // The server's greeting (its sync step 1) is not an answer to anything we sent.
    await peer.exchange(PROBE, 15_000)
    return peer
  }

  /** Sends `frame` then a probe; resolves with the close if the server refused the frame, or null if it took it. */
  async send(frame: Uint8Array, timeoutMs = 15_000): Promise<Closed | null> {
    return this.exchange(frame, timeoutMs)
  }

  private async exchange(frame: Uint8Array, timeoutMs: number): Promise<Closed | null> {
    if (this.closed) return this.closed
    this.ws.send(frame)
    if (frame !== PROBE) this.ws.send(probeAt(this.stateVector()))
    const deadline = Date.now() + timeoutMs
    // A frame that is itself a sync step 1 is answered too; the probe's answer is the last one.
    const wanted = this.answers + (frame !== PROBE && frame[0] === 0 && frame[1] === 0 ? 2 : 1)
    while (!this.closed && this.answers < wanted) {
      if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        this.wake = resolve
        setTimeout(resolve, 100)
      })
    }
    this.wake = null
    return this.closed
  }

  close(): void {
    this.ws.close()
  }
}
