/**
 * A token bucket per connection: a burst of `burst` events, refilled at `perSecond`. A person
 * clicking never comes near it; a script flooding the server is answered with a refusal
 * instead of being served, and the other people in the session do not pay for it.
 */
export class RateLimit {
  private tokens: number
  private last: number

  constructor(
    private burst: number,
    private perSecond: number,
    private now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

/** Events a connection may send in a burst, and per second after it. */
export const SOCKET_BURST = 120
export const SOCKET_EVENTS_PER_SECOND = 40
