import { describe, expect, it } from 'vitest'
import { PresenceThrottle, planPresence, type ThrottleClock } from './presenceThrottle'

function fakeClock() {
  let now = 0
  const timers: { at: number; fn: () => void; id: number }[] = []
  let nextId = 1
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
  }
  const advance = (ms: number) => {
    now += ms
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1)
      t.fn()
    }
  }
  return { clock, advance, pending: () => timers.length }
}

describe('presence throttle', () => {
  it('plans: skip the same state, send after the gap, otherwise wait for the rest of it', () => {
    expect(planPresence('a', 0, 'a', 5000)).toEqual({ kind: 'skip' })
    expect(planPresence('a', 0, 'b', 1000)).toEqual({ kind: 'send' })
    expect(planPresence('a', 0, 'b', 300)).toEqual({ kind: 'wait', ms: 700 })
    expect(planPresence(null, Number.NEGATIVE_INFINITY, 'a', 0)).toEqual({ kind: 'send' })
  })

  it('sends the first state at once, then at most one a second, always the latest', () => {
    const { clock, advance } = fakeClock()
    const sent: string[] = []
    const throttle = new PresenceThrottle<string>((s) => sent.push(s), clock)
    throttle.set('plenary')
    throttle.set('story:1')
    throttle.set('story:2')
    expect(sent).toEqual(['plenary'])
    advance(999)
    expect(sent).toEqual(['plenary'])
    advance(1)
    expect(sent).toEqual(['plenary', 'story:2'])
  })

  it('never sends a state equal to the last one sent', () => {
    const { clock, advance, pending } = fakeClock()
    const sent: string[] = []
    const throttle = new PresenceThrottle<{ area: string }>((s) => sent.push(s.area), clock)
    throttle.set({ area: 'a' })
    advance(100)
    throttle.set({ area: 'b' })
    throttle.set({ area: 'a' })
    advance(2000)
    expect(sent).toEqual(['a'])
    expect(pending()).toBe(0)
  })

  it('sends again after a reset (a reconnect), and stops on dispose', () => {
    const { clock, advance } = fakeClock()
    const sent: string[] = []
    const throttle = new PresenceThrottle<string>((s) => sent.push(s), clock)
    throttle.set('a')
    advance(1500)
    throttle.resetSent()
    throttle.set('a')
    expect(sent).toEqual(['a', 'a'])
    throttle.set('b')
    throttle.dispose()
    advance(5000)
    expect(sent).toEqual(['a', 'a'])
  })
})
