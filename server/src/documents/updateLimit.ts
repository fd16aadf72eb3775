import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { LimitDeps } from '../http/rateLimited'
import { isLoopback } from '../http/clientAddress'
import { DOCUMENT_UPDATES_PER_ADDRESS, DOCUMENT_UPDATES_PER_CONNECTION, KeyedRateLimit, RateLimit } from '../realtime/RateLimit'
import { MESSAGE } from './protocol'

/** Says of each incoming frame of one connection whether it may be handled. */
export type FrameGate = (frame: Uint8Array) => boolean

/**
 * The document endpoints' rate limit: document updates per connection, and per client address
 * over all its connections (not for the server's own machine, see isLoopback). Returns, for a
 * new connection from `address`, the gate its frames pass.
 */
export function documentUpdateLimits({ now }: Pick<LimitDeps, 'now'> = {}): (address: string) => FrameGate {
  const perAddress = new KeyedRateLimit(DOCUMENT_UPDATES_PER_ADDRESS, now)
  return (address) => {
    const perConnection = new RateLimit(DOCUMENT_UPDATES_PER_CONNECTION.burst, DOCUMENT_UPDATES_PER_CONNECTION.perSecond, now)
    const shared = !isLoopback(address)
    return (frame) => !isDocumentUpdate(frame) || (perConnection.take() && (!shared || perAddress.take(address)))
  }
}

/**
 * Whether a frame carries a document update (sync step 2 or an update), the frames the limit
 * counts. The state-vector exchange, awareness and its queries are what a quiet provider sends
 * (and cost the server little), so they never count.
 */
export function isDocumentUpdate(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE.sync) return false
    const step = decoding.readVarUint(decoder)
    return step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate
  } catch {
    return false // a frame that does not parse is the peer's to refuse
  }
}
