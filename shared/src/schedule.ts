import type { AgendaItem } from './agenda'
import { plannedTotal } from './agenda'
import type { Clock } from './clock'
import { elapsedMs } from './clock'
import type { ControlState } from './control'

/** Where the session stands against its plan, as the console shows it while running. */
export interface ScheduleProjection {
  /** Minutes the projected end lies after the agenda's planned end; negative is ahead. */
  behindMinutes: number
  /** When the agenda will end at this pace (epoch ms). */
  projectedEndMs: number
  /** When the agenda was planned to end: the planned start plus every item's planned minutes. */
  plannedEndMs: number
}

/** Time run beyond the clock's length; zero while within it. */
const overtimeOf = (clock: Clock, now: number) => Math.max(0, elapsedMs(clock, now) - clock.durationMs)

/**
 * Which storytelling item the storyteller queue belongs to: the one running now, or else the next
 * one ahead. Stories carry no item of their own, and the queue is told in one storytelling block.
 */
function storyItemId(agenda: readonly AgendaItem[], currentIndex: number): string | null {
  const from = Math.max(0, currentIndex)
  return agenda.slice(from).find((item) => item.kind === 'storytelling')?.id ?? null
}

/**
 * Projects the end of the session from the clocks at server time `now`. Items before the current
 * one are done; the current one needs what its clock has left; later ones what their clocks have
 * left (their planned length unless someone changed it). A story's overtime counts against the
 * storytelling item it belongs to: that item's length grows by every minute its stories ran over
 * their slots, because the stories still queued need their slots all the same.
 * Before the first item opens the session cannot start earlier than planned, nor earlier than now.
 */
export function projectSchedule(control: ControlState, now: number, plannedStartMs: number): ScheduleProjection {
  const { agenda } = control
  const currentIndex = agenda.findIndex((item) => item.id === control.currentItemId)
  const storiesItem = storyItemId(agenda, currentIndex)
  const storyOvertime = control.stories.reduce((sum, s) => sum + overtimeOf(s.tellClock, now) + overtimeOf(s.qaClock, now), 0)

  let needMs = 0
  agenda.forEach((item, index) => {
    if (currentIndex >= 0 && index < currentIndex) return
    // The item's length grows by its stories' overtime; what it already ran over is spent.
    const extra = item.id === storiesItem ? storyOvertime : 0
    needMs += Math.max(0, item.clock.durationMs + extra - elapsedMs(item.clock, now))
  })

  const plannedEndMs = plannedStartMs + plannedTotal(agenda) * 60_000
  const from = currentIndex >= 0 ? now : Math.max(now, plannedStartMs)
  const projectedEndMs = from + needMs
  return { behindMinutes: Math.round((projectedEndMs - plannedEndMs) / 60_000), projectedEndMs, plannedEndMs }
}

/**
 * Whether the session has begun: a clock has run, or the agenda moved past its first item. A new
 * session opens on its first item with every clock idle, and that is not yet running it.
 */
export function sessionStarted(control: Pick<ControlState, 'agenda' | 'stories' | 'currentItemId'>): boolean {
  const ran = (clock: Clock) => clock.runningSince !== null || clock.elapsedMs > 0
  const index = control.agenda.findIndex((item) => item.id === control.currentItemId)
  return index > 0 || control.agenda.some((item) => ran(item.clock)) || control.stories.some((s) => ran(s.tellClock) || ran(s.qaClock))
}

/**
 * The console's line: "behind schedule by 7 min, projected end 12:47". `formatTime` writes a
 * time of day as the facilitator reads it, so this stays pure and testable in any time zone.
 */
export function scheduleLine(projection: ScheduleProjection, formatTime: (ms: number) => string): string {
  const end = `projected end ${formatTime(projection.projectedEndMs)}`
  const n = projection.behindMinutes
  if (n > 0) return `behind schedule by ${n} min, ${end}`
  if (n < 0) return `ahead of schedule by ${-n} min, ${end}`
  return `on schedule, ${end}`
}

/** Epoch ms of "HH:MM" on a "YYYY-MM-DD" date, in the time zone `offsetMinutes` east of UTC. */
export function timeOnDate(date: string, hhmm: string, offsetMinutes: number): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  const [h = 0, min = 0] = hhmm.split(':').map(Number)
  return Date.UTC(y, m - 1, d, h, min) - offsetMinutes * 60_000
}

/** "12:47" in the time zone `offsetMinutes` east of UTC. */
export function formatTimeOfDay(ms: number, offsetMinutes: number): string {
  const t = new Date(ms + offsetMinutes * 60_000)
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`
}
