import { describe, expect, it } from 'vitest'
import { CLOCK_WARNING_MS, newClock } from '@harvest/shared'
import { clockLook } from './clockLook'

const running = (durationMs: number, since: number) => ({ ...newClock(durationMs), runningSince: since })

describe('clockLook', () => {
  it('is normal with more than 2:30 left', () => {
    expect(clockLook(running(600_000, 0), 0)).toBe('normal')
  })

  it('warns from exactly 2:30 left', () => {
    expect(clockLook(running(600_000, 0), 600_000 - CLOCK_WARNING_MS - 1)).toBe('normal')
    expect(clockLook(running(600_000, 0), 600_000 - CLOCK_WARNING_MS)).toBe('warning')
  })

  it('does not warn about a short clock nobody has started', () => {
    expect(clockLook(newClock(60_000), 0)).toBe('normal')
  })

  it('keeps warning while paused under 2:30', () => {
    expect(clockLook({ ...newClock(600_000), elapsedMs: 500_000 }, 0)).toBe('warning')
  })

  it('is overtime below zero, running or not', () => {
    expect(clockLook(running(60_000, 0), 61_000)).toBe('overtime')
    expect(clockLook({ ...newClock(60_000), elapsedMs: 90_000 }, 0)).toBe('overtime')
  })
})
