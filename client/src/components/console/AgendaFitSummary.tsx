import { agendaFit } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'

/** The running total of planned minutes against the planned window, with a clear warning when it does not fit. */
export function AgendaFitSummary() {
  const control = useControlStore((s) => s.control)
  if (!control) return null
  const { plannedMinutes, windowMinutes, slackMinutes } = agendaFit(control)
  const window = `${control.startsAt}–${control.endsAt}`
  if (windowMinutes <= 0) {
    return <p className="fit fit-over" role="status">Planned {plannedMinutes} min, but the window {window} ends before it starts.</p>
  }
  return (
    <p className={slackMinutes < 0 ? 'fit fit-over' : 'fit fit-ok'} role="status">
      Planned <strong>{plannedMinutes} min</strong> of {windowMinutes} min ({window})
      {' · '}
      {slackMinutes < 0 ? <strong>over by {-slackMinutes} min</strong> : slackMinutes === 0 ? 'fits exactly' : `${slackMinutes} min to spare`}
    </p>
  )
}
