import { describe, expect, it } from 'vitest'
import { measureOffset } from './measureOffset'

/** A fake local clock and a server `skew` ms ahead, with given trip times per round. */
function fakeNetwork(skew: number, trips: number[]) {
  let local = 1_000
  let round = 0
  const now = () => local
  const ping = async (clientSentAt: number) => {
    const trip = trips[round++] ?? 50
    if (trip < 0) throw new Error('lost')
    local += trip / 2
    const serverNow = local + skew
    local += trip / 2
    return { clientSentAt, serverNow }
  }
  return { now, ping }
}

describe('measureOffset', () => {
  it('finds the skew from the quickest of several trips', async () => {
    const net = fakeNetwork(42_000, [300, 40, 120, 80, 500])
    expect(await measureOffset(net.ping, 5, net.now)).toEqual({ offsetMs: 42_000, rttMs: 40 })
  })

  it('skips lost trips and gives null when every trip is lost', async () => {
    const some = fakeNetwork(-7_000, [-1, 60, -1])
    expect(await measureOffset(some.ping, 3, some.now)).toEqual({ offsetMs: -7_000, rttMs: 60 })
    const none = fakeNetwork(0, [-1, -1])
    expect(await measureOffset(none.ping, 2, none.now)).toBeNull()
  })
})
