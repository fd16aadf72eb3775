/** What to do with a wanted presence state: nothing, send it now, or send it after a wait. */
export type PresencePlan = { kind: 'skip' } | { kind: 'send' } | { kind: 'wait'; ms: number }

/**
 * Decides when to publish presence. A state equal to the last one sent is never sent again;
 * a new one goes out at most once per `gapMs`, so 300 people typing and switching tabs cost
 * the server at most 300 small messages a second.
 */
export function planPresence(lastSentKey: string | null, lastSentAt: number, wantedKey: string, now: number, gapMs = 1000): PresencePlan {
  if (wantedKey === lastSentKey) return { kind: 'skip' }
  const since = now - lastSentAt
  return since >= gapMs ? { kind: 'send' } : { kind: 'wait', ms: gapMs - since }
}

/** Timers the throttle uses; tests pass fake ones. */
export interface ThrottleClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Publishes the latest wanted state through `send`, following planPresence. */
export class PresenceThrottle<T> {
  private sentKey: string | null = null
  private sentAt = Number.NEGATIVE_INFINITY
  private wanted: T | null = null
  private timer: unknown = null

  constructor(
    private send: (state: T) => void,
    private clock: ThrottleClock = realClock,
    private gapMs = 1000,
  ) {}

  /** Asks for `state` to be published; only the latest wanted state is ever sent. */
  set(state: T): void {
    this.wanted = state
    this.flush()
  }

  /** Forgets what was sent, e.g. after a reconnect the server no longer has it. */
  resetSent(): void {
    this.sentKey = null
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private flush(): void {
    if (this.wanted === null || this.timer !== null) return
    const key = JSON.stringify(this.wanted)
    const plan = planPresence(this.sentKey, this.sentAt, key, this.clock.now(), this.gapMs)
    if (plan.kind === 'skip') return
    if (plan.kind === 'wait') {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null
        this.flush()
      }, plan.ms)
      return
    }
    this.sentKey = key
    this.sentAt = this.clock.now()
    this.send(this.wanted)
  }
}
