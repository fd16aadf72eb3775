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
    this.refill()
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** How long until the next token, in milliseconds; 0 while one is there. */
  retryAfterMs(): number {
    this.refill()
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000)
  }

  /** True once the bucket has refilled to its burst: forgetting it then changes nothing. */
  isFull(): boolean {
    this.refill()
    return this.tokens >= this.burst
  }

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond)
    this.last = now
  }
}

/** A bucket's size and refill. */
export interface Rate {
  burst: number
  perSecond: number
}

/**
 * One bucket per key (a client's address): what many connections from one place may send
 * together. Buckets that have refilled are forgotten, so a stream of passing addresses costs
 * memory only while they are busy.
 */
export class KeyedRateLimit {
  private buckets = new Map<string, RateLimit>()
  private takenSinceSweep = 0

  constructor(
    private rate: Rate,
    private now: () => number = () => performance.now(),
    private sweepEvery = 1000,
  ) {}

  /** Takes one token from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    if (++this.takenSinceSweep >= this.sweepEvery) this.sweep()
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = new RateLimit(this.rate.burst, this.rate.perSecond, this.now)
      this.buckets.set(key, bucket)
    }
    return bucket.take()
  }

  /** How long until `key` may send again, in milliseconds. */
  retryAfterMs(key: string): number {
    return this.buckets.get(key)?.retryAfterMs() ?? 0
  }

  /** Buckets currently remembered; for tests. */
  get size(): number {
    return this.buckets.size
  }

  private sweep(): void {
    this.takenSinceSweep = 0
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key)
  }
}

/** Events a connection may send in a burst, and per second after it. */
export const SOCKET_BURST = 120
export const SOCKET_EVENTS_PER_SECOND = 40

/**
 * Board and harvest updates. A person sends one update per card, vote or drop and at most one
 * per keystroke while editing, far below this; the sync at connect and awareness heartbeats are not counted.
 */
export const DOCUMENT_UPDATES_PER_CONNECTION: Rate = { burst: 200, perSecond: 50 }
/** All connections from one address together: a workshop room behind one router stays far below it. */
export const DOCUMENT_UPDATES_PER_ADDRESS: Rate = { burst: 2000, perSecond: 500 }

/**
 * POST /api/join per address. A whole room joining at once from behind one router fits in the
 * burst; a script creating members by the thousand does not.
 */
export const JOINS_PER_ADDRESS: Rate = { burst: 60, perSecond: 1 }
