import { formatTimeOfDay, minutesBetween, projectSchedule, scheduleLine, timeOnDate } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { useServerNow } from '../../time/useServerNow'

/** Minutes this browser's time zone is east of UTC, on the session's day (the facilitator's clock). */
const offsetOn = (ms: number) => -new Date(ms).getTimezoneOffset()

/**
 * "behind schedule by 7 min, projected end 12:47": where the running session stands against its
 * plan, from the clocks, in the facilitator's own time of day.
 */
export function ScheduleStatus() {
  const control = useControlStore((s) => s.control)
  const date = useSessionStore((s) => s.state?.session.date)
  const now = useServerNow()
  if (!control || !date || control.endedAt != null || control.agenda.length === 0) return null
  const offset = offsetOn(now)
  const start = timeOnDate(date, control.startsAt, offset)
  const projection = projectSchedule(control, now, start)
  const windowEnd = timeOnDate(date, control.endsAt, offset)
  // A window that ends before it starts has no end to be past; the plan view says so.
  const pastWindow = minutesBetween(control.startsAt, control.endsAt) > 0 && projection.projectedEndMs - windowEnd > 59_999
  const n = projection.behindMinutes
  const tone = n >= 5 || pastWindow ? 'schedule-behind' : n > 0 ? 'schedule-slip' : 'schedule-ok'
  const text = scheduleLine(projection, (ms) => formatTimeOfDay(ms, offset))
  return (
    <p className={`schedule ${tone}`} role="status" aria-live="off">
      <strong>{text.charAt(0).toUpperCase() + text.slice(1)}</strong>
      {pastWindow && <span> · after the planned end {control.endsAt}</span>}
    </p>
  )
}
