import type { Clock } from '@harvest/shared'
import { CLOCK_WARNING_MS, clockPhase, remainingMs } from '@harvest/shared'

/** How a clock should look right now. */
export type ClockLook = 'normal' | 'warning' | 'overtime'

/** The warning shows once a started clock is at or under 2:30; below zero is overtime. */
export function clockLook(clock: Clock, now: number): ClockLook {
  const remaining = remainingMs(clock, now)
  if (remaining < 0) return 'overtime'
  return clockPhase(clock) !== 'idle' && remaining <= CLOCK_WARNING_MS ? 'warning' : 'normal'
}
