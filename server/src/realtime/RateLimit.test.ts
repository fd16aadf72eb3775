import { describe, expect, it } from 'vitest'
import { KeyedRateLimit, RateLimit } from './RateLimit'

describe('RateLimit', () => {
  it('allows a burst, refuses beyond it, and refills with time', () => {
    let t = 0
    const limit = new RateLimit(5, 2, () => t)
    expect(Array.from({ length: 7 }, () => limit.take())).toEqual([true, true, true, true, true, false, false])
    t += 500 // half a second at 2 per second: one more
    expect([limit.take(), limit.take()]).toEqual([true, false])
    t += 60_000 // a long pause refills only up to the burst
    expect(Array.from({ length: 6 }, () => limit.take()).filter(Boolean)).toHaveLength(5)
  })
})

describe('RateLimit.retryAfterMs', () => {
  it('says how long until the next token', () => {
    let t = 0
    const limit = new RateLimit(1, 2, () => t)
    expect(limit.retryAfterMs()).toBe(0)
    limit.take()
    expect(limit.retryAfterMs()).toBe(500)
    t += 400
    expect(limit.retryAfterMs()).toBe(100)
  })
})

describe('KeyedRateLimit', () => {
  it('keeps one bucket per key, so one busy address does not slow another', () => {
    let t = 0
    const limits = new KeyedRateLimit({ burst: 2, perSecond: 1 }, () => t)
    expect([limits.take('a'), limits.take('a'), limits.take('a')]).toEqual([true, true, false])
    expect(limits.take('b')).toBe(true)
    expect(limits.retryAfterMs('a')).toBe(1000)
    t += 1000
    expect(limits.take('a')).toBe(true)
  })

  it('forgets buckets that have refilled', () => {
    let t = 0
    const limits = new KeyedRateLimit({ burst: 2, perSecond: 1 }, () => t, 10)
    for (let i = 0; i < 9; i++) limits.take(`address ${i}`)
    expect(limits.size).toBe(9)
    t += 5000
    limits.take('busy')
    expect(limits.size).toBe(1)
  })
})
