/**
 * A server-authoritative countdown. It is never a ticking counter: it is a planned length,
 * the time already run and, while running, the server time it last started. Every screen
 * derives the remaining time from these and its own estimate of the server's clock, so all
 * screens agree and a sleeping laptop catches up on waking.
 */
export interface Clock {
  /** Length of the countdown; changed by adding or removing minutes or by typing a length. */
  durationMs: number
  /** Length the agenda planned, restored by reset. */
  plannedMs: number
  /** Time run before the current run. */
  elapsedMs: number
  /** Server time (epoch ms) of the current run's start; null while not running. */
  runningSince: number | null
}

/** What a facilitator can do to a clock. */
export type ClockCommand =
  | { op: 'start' }
  | { op: 'pause' }
  | { op: 'adjust'; deltaMs: number }
  | { op: 'set'; remainingMs: number }
  | { op: 'reset' }

/** How a clock looks at a moment, for rendering. */
export type ClockPhase = 'idle' | 'running' | 'paused'

/** Below this the clock shows its warning. */
export const CLOCK_WARNING_MS = 150_000
/** The longest length anyone can type. */
export const CLOCK_MAX_MS = 12 * 60 * 60_000

export function newClock(plannedMs: number): Clock {
  return { durationMs: plannedMs, plannedMs, elapsedMs: 0, runningSince: null }
}

export function elapsedMs(clock: Clock, now: number): number {
  return clock.elapsedMs + (clock.runningSince === null ? 0 : Math.max(0, now - clock.runningSince))
}

/** Remaining time; negative once the clock is in overtime. */
export function remainingMs(clock: Clock, now: number): number {
  return clock.durationMs - elapsedMs(clock, now)
}

export function clockPhase(clock: Clock): ClockPhase {
  if (clock.runningSince !== null) return 'running'
  return clock.elapsedMs > 0 ? 'paused' : 'idle'
}

/** Applies a command at server time `now`; returns a new clock and leaves the old one untouched. */
export function applyClockCommand(clock: Clock, command: ClockCommand, now: number): Clock {
  switch (command.op) {
    case 'start':
      return clock.runningSince === null ? { ...clock, runningSince: now } : clock
    case 'pause':
      return clock.runningSince === null ? clock : { ...clock, elapsedMs: elapsedMs(clock, now), runningSince: null }
    case 'adjust':
      return { ...clock, durationMs: clamp(clock.durationMs + command.deltaMs, 0, CLOCK_MAX_MS) }
    case 'set':
      // Typing "7" means "seven minutes from now": keep what has run, so actual time stays true.
      return { ...clock, durationMs: elapsedMs(clock, now) + clamp(command.remainingMs, 0, CLOCK_MAX_MS) }
    case 'reset':
      return newClock(clock.plannedMs)
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/**
 * Reads a typed length: "7" (minutes), "1:30" (minutes:seconds), "1:30:00", "90s", "45m",
 * "2h", "1h30", "1h 30m". Returns milliseconds, or null when it cannot be read.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase()
  if (!text) return null
  let ms: number | null = null
  const colon = /^(\d{1,3}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text)
  if (colon) {
    const [a, b, c] = [Number(colon[1]), Number(colon[2]), colon[3] === undefined ? null : Number(colon[3])]
    if (b >= 60 || (c !== null && c >= 60)) return null
    ms = c === null ? (a * 60 + b) * 1000 : (a * 3600 + b * 60 + c) * 1000
  } else if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 60_000
  } else {
    const units = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(text)
    if (!units || (units[1] === undefined && units[2] === undefined && units[3] === undefined)) {
      const hourMinutes = /^(\d+)\s*h\s*(\d{1,2})$/.exec(text)
      if (!hourMinutes) return null
      ms = (Number(hourMinutes[1]) * 60 + Number(hourMinutes[2])) * 60_000
    } else {
      ms = (Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0)) * 1000
    }
  }
  if (!Number.isFinite(ms) || ms <= 0 || ms > CLOCK_MAX_MS) return null
  return Math.round(ms)
}

/** "12:05", "1:02:03", or "+0:42" in overtime. */
export function formatClock(ms: number): string {
  const overtime = ms < 0
  const total = Math.floor(Math.abs(overtime ? ms : ms + 999) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`
  return overtime ? `+${body}` : body
}
