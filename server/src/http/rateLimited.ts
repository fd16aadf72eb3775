import type { RequestHandler } from 'express'
import type { Rate } from '../realtime/RateLimit'
import { KeyedRateLimit } from '../realtime/RateLimit'
import type { AddressOf } from './clientAddress'
import { clientAddress, isLoopback } from './clientAddress'
import { sendError } from './errors'

/** Where a limited route reads the client's address and the time. */
export interface LimitDeps {
  addressOf?: AddressOf
  /** Milliseconds; tests pass a clock they control. */
  now?: () => number
}

/**
 * A route limited per client address. Beyond the limit it answers 429 with `Retry-After` in
 * seconds and the one error shape, without running the route.
 */
export function rateLimited(rate: Rate, what: string, { addressOf = clientAddress(), now }: LimitDeps = {}): RequestHandler {
  const limits = new KeyedRateLimit(rate, now)
  return (req, res, next) => {
    const address = addressOf(req)
    if (isLoopback(address) || limits.take(address)) return next()
    const seconds = Math.max(1, Math.ceil(limits.retryAfterMs(address) / 1000))
    res.setHeader('Retry-After', String(seconds))
    sendError(res, 'rate_limited', `too many ${what} from your address: try again in ${seconds} s`)
  }
}
