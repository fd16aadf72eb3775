import { describe, expect, it } from 'vitest'
import { bestOffset, sampleOffset } from './clockOffset'

describe('sampleOffset', () => {
  it('takes the server time as read halfway through the round trip', () => {
    // Server is 5 s ahead; the trip took 100 ms, the answer was stamped at its middle.
    expect(sampleOffset({ sentAt: 1_000, receivedAt: 1_100, serverNow: 6_050 })).toEqual({ offsetMs: 5_000, rttMs: 100 })
  })

  it('gives a negative offset when the server is behind', () => {
    expect(sampleOffset({ sentAt: 10_000, receivedAt: 10_020, serverNow: 7_010 }).offsetMs).toBe(-3_000)
  })
})

describe('bestOffset', () => {
  it('keeps the sample with the smallest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 400, serverNow: 1_000 }, // slow: offset 800
      { sentAt: 1_000, receivedAt: 1_020, serverNow: 2_010 }, // quick: offset 1_000
      { sentAt: 2_000, receivedAt: 2_100, serverNow: 3_080 }, // offset 1_030
    ]
    expect(bestOffset(samples)).toEqual({ offsetMs: 1_000, rttMs: 20 })
  })

  it('ignores samples whose local clock ran backwards or that are not numbers', () => {
    const samples = [
      { sentAt: 5_000, receivedAt: 4_000, serverNow: 9_000 },
      { sentAt: Number.NaN, receivedAt: 1, serverNow: 2 },
      { sentAt: 100, receivedAt: 160, serverNow: 230 },
    ]
    expect(bestOffset(samples)).toEqual({ offsetMs: 100, rttMs: 60 })
  })

  it('returns null when nothing usable came back', () => {
    expect(bestOffset([])).toBeNull()
    expect(bestOffset([{ sentAt: 2, receivedAt: 1, serverNow: 0 }])).toBeNull()
  })
})
