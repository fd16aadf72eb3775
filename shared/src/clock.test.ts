import { describe, expect, it } from 'vitest'
import {
  CLOCK_MAX_MS,
  applyClockCommand,
  clockPhase,
  elapsedMs,
  formatClock,
  newClock,
  parseDuration,
  remainingMs,
  type Clock,
  type ClockCommand,
} from './clock'

const MIN = 60_000
const SEC = 1_000

/** A server clock the test moves by hand, and a clock that applies commands at its current time. */
function timeline(clock: Clock = newClock(10 * MIN)) {
  let t = 1_700_000_000_000
  const world = {
    clock,
    get now() {
      return t
    },
    advance(ms: number) {
      t += ms
    },
    run(command: ClockCommand) {
      world.clock = applyClockCommand(world.clock, command, t)
      return world.clock
    },
    remaining: () => remainingMs(world.clock, t),
    elapsed: () => elapsedMs(world.clock, t),
  }
  return world
}

describe('clock arithmetic', () => {
  it('a new clock shows its planned length and is idle', () => {
    const w = timeline(newClock(10 * MIN))
    expect(w.remaining()).toBe(10 * MIN)
    w.advance(5 * MIN)
    expect(w.remaining()).toBe(10 * MIN)
    expect(clockPhase(w.clock)).toBe('idle')
  })

  it('counts down while running and stands still while paused', () => {
    const w = timeline()
    w.run({ op: 'start' })
    expect(w.clock.runningSince).toBe(w.now)
    w.advance(90 * SEC)
    expect(w.remaining()).toBe(10 * MIN - 90 * SEC)

    w.run({ op: 'pause' })
    expect(w.clock).toEqual({ durationMs: 10 * MIN, plannedMs: 10 * MIN, elapsedMs: 90 * SEC, runningSince: null })
    w.advance(7 * MIN) // a long pause costs nothing
    expect(w.remaining()).toBe(10 * MIN - 90 * SEC)
  })

  it('accumulates elapsed time over several runs', () => {
    const w = timeline()
    w.run({ op: 'start' })
    w.advance(60 * SEC)
    w.run({ op: 'pause' })
    w.advance(30 * SEC)
    w.run({ op: 'start' })
    w.advance(45 * SEC)
    expect(w.elapsed()).toBe(105 * SEC)
    w.run({ op: 'pause' })
    w.advance(10 * SEC)
    w.run({ op: 'start' })
    w.advance(15 * SEC)
    w.run({ op: 'pause' })
    expect(w.clock.elapsedMs).toBe(120 * SEC)
    expect(w.remaining()).toBe(8 * MIN)
  })

  it('a second start does not restart the run, a second pause does not count twice', () => {
    const w = timeline()
    w.run({ op: 'start' })
    const startedAt = w.now
    w.advance(20 * SEC)
    w.run({ op: 'start' })
    expect(w.clock.runningSince).toBe(startedAt)
    w.run({ op: 'pause' })
    w.advance(20 * SEC)
    w.run({ op: 'pause' })
    expect(w.clock.elapsedMs).toBe(20 * SEC)
  })

  it('a screen whose estimate of the server time lags the start does not show more than the length', () => {
    const w = timeline()
    w.run({ op: 'start' })
    expect(remainingMs(w.clock, w.now - 3 * SEC)).toBe(10 * MIN)
  })

  it('never changes the clock it was given', () => {
    const clock = newClock(10 * MIN)
    const copy = structuredClone(clock)
    for (const command of [{ op: 'start' }, { op: 'adjust', deltaMs: MIN }, { op: 'set', remainingMs: MIN }, { op: 'reset' }] as const) {
      applyClockCommand(clock, command, 1_000)
    }
    expect(clock).toEqual(copy)
  })

  it('adds and removes minutes, running or not', () => {
    const w = timeline()
    w.run({ op: 'adjust', deltaMs: MIN })
    expect(w.remaining()).toBe(11 * MIN)
    w.run({ op: 'start' })
    w.advance(2 * MIN)
    w.run({ op: 'adjust', deltaMs: -3 * MIN })
    expect(w.remaining()).toBe(6 * MIN)
    expect(w.clock.plannedMs).toBe(10 * MIN) // the plan stays, for the time record and reset
  })

  it('removing more minutes than the length leaves a length of zero, not below', () => {
    const w = timeline()
    w.run({ op: 'adjust', deltaMs: -25 * MIN })
    expect(w.clock.durationMs).toBe(0)
    expect(w.remaining()).toBe(0)
    w.run({ op: 'adjust', deltaMs: MIN })
    expect(w.remaining()).toBe(MIN)
  })

  it('adding minutes stops at the longest length', () => {
    const w = timeline(newClock(11 * 60 * MIN))
    w.run({ op: 'adjust', deltaMs: 2 * 60 * MIN })
    expect(w.clock.durationMs).toBe(CLOCK_MAX_MS)
  })

  it("'set' means that much remaining from now, and keeps the time already run", () => {
    const w = timeline()
    w.run({ op: 'start' })
    w.advance(3 * MIN)
    w.run({ op: 'set', remainingMs: 7 * MIN })
    expect(w.remaining()).toBe(7 * MIN)
    expect(w.elapsed()).toBe(3 * MIN)
    expect(w.clock.durationMs).toBe(10 * MIN)
    expect(clockPhase(w.clock)).toBe('running')
    w.advance(MIN)
    expect(w.remaining()).toBe(6 * MIN)
  })

  it("'set' on a paused clock", () => {
    const w = timeline()
    w.run({ op: 'start' })
    w.advance(4 * MIN)
    w.run({ op: 'pause' })
    w.run({ op: 'set', remainingMs: 2 * MIN })
    expect(w.remaining()).toBe(2 * MIN)
    expect(w.clock).toMatchObject({ elapsedMs: 4 * MIN, durationMs: 6 * MIN, runningSince: null })
  })

  it("'set' in overtime brings the clock back to that much remaining", () => {
    const w = timeline(newClock(MIN))
    w.run({ op: 'start' })
    w.advance(3 * MIN)
    expect(w.remaining()).toBe(-2 * MIN)
    w.run({ op: 'set', remainingMs: 5 * MIN })
    expect(w.remaining()).toBe(5 * MIN)
  })

  it('reset restores the planned length and stops', () => {
    const w = timeline()
    w.run({ op: 'start' })
    w.advance(4 * MIN)
    w.run({ op: 'adjust', deltaMs: 5 * MIN })
    w.run({ op: 'reset' })
    expect(w.clock).toEqual(newClock(10 * MIN))
    w.advance(MIN)
    expect(w.remaining()).toBe(10 * MIN)
    expect(clockPhase(w.clock)).toBe('idle')
  })

  it('goes negative in overtime and keeps counting', () => {
    const w = timeline(newClock(MIN))
    w.run({ op: 'start' })
    w.advance(MIN)
    expect(w.remaining()).toBe(0)
    w.advance(42 * SEC)
    expect(w.remaining()).toBe(-42 * SEC)
    expect(formatClock(w.remaining())).toBe('+0:42')
    w.run({ op: 'pause' })
    w.advance(MIN)
    expect(w.remaining()).toBe(-42 * SEC)
  })

  it('phase: idle, running, paused, and idle again after reset', () => {
    const w = timeline()
    expect(clockPhase(w.clock)).toBe('idle')
    w.run({ op: 'start' })
    expect(clockPhase(w.clock)).toBe('running')
    w.advance(SEC)
    w.run({ op: 'pause' })
    expect(clockPhase(w.clock)).toBe('paused')
    w.run({ op: 'start' })
    expect(clockPhase(w.clock)).toBe('running')
    w.run({ op: 'reset' })
    expect(clockPhase(w.clock)).toBe('idle')
  })

  it('adjusting an idle clock leaves it idle', () => {
    const w = timeline()
    w.run({ op: 'adjust', deltaMs: MIN })
    expect(clockPhase(w.clock)).toBe('idle')
  })
})

describe('parseDuration', () => {
  it.each([
    ['7', 7 * MIN],
    [' 7 ', 7 * MIN],
    ['1:30', 90 * SEC],
    ['0:45', 45 * SEC],
    ['90s', 90 * SEC],
    ['45m', 45 * MIN],
    ['45 min', 45 * MIN],
    ['2h', 2 * 60 * MIN],
    ['1h30', 90 * MIN],
    ['1h 30m', 90 * MIN],
    ['1H30M', 90 * MIN],
    ['1:30:00', 90 * MIN],
    ['0.5', 30 * SEC],
    ['12h', CLOCK_MAX_MS],
  ])('reads %j as %i ms', (input, expected) => {
    expect(parseDuration(input)).toBe(expected)
  })

  it.each(['', '   ', 'abc', '1:75', '1:30:60', '0', '0:00', '-5', '13h', '12h 1m', '7 apples', '1:2:3:4'])('refuses %j', (input) => {
    expect(parseDuration(input)).toBeNull()
  })
})

describe('formatClock', () => {
  it.each([
    [12 * MIN + 5 * SEC, '12:05'],
    [10 * MIN, '10:00'],
    [59 * SEC, '0:59'],
    [60 * MIN, '1:00:00'],
    [MIN * 62 + 3 * SEC, '1:02:03'],
    [-42 * SEC, '+0:42'],
    [-(3 * MIN + 7 * SEC), '+3:07'],
    [-(MIN * 62 + 3 * SEC), '+1:02:03'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text)
  })

  it('rounds remaining time up, so 0:00 shows only when time is up', () => {
    expect(formatClock(1)).toBe('0:01')
    expect(formatClock(999)).toBe('0:01')
    expect(formatClock(1_000)).toBe('0:01')
    expect(formatClock(1_001)).toBe('0:02')
    expect(formatClock(12 * MIN + 4_001)).toBe('12:05')
    expect(formatClock(0)).toBe('0:00')
  })

  it('shows overtime from the first millisecond past zero, in whole seconds run over', () => {
    expect(formatClock(-1)).toBe('+0:00')
    expect(formatClock(-999)).toBe('+0:00')
    expect(formatClock(-1_000)).toBe('+0:01')
    expect(formatClock(-59_999)).toBe('+0:59')
    expect(formatClock(-60_000)).toBe('+1:00')
  })
})
