import { describe, expect, it } from 'vitest'
import { RateLimit } from './RateLimit'

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
