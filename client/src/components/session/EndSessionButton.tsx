import { can, isEnded } from '@harvest/shared'
import { sessionLife } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'

/** The facilitator ends the session, after saying plainly what that does. */
export function EndSessionButton() {
  const role = useSessionStore((s) => s.state?.you.role)
  const ended = useControlStore((s) => isEnded(s.control))
  if (!role || !can(role, 'session:end') || ended) return null
  const end = () => {
    const sure = window.confirm('End the session? Clocks stop, breakout rooms close, the board becomes read-only for participants and invitation links stop admitting new people. You can reopen it.')
    if (sure) void sessionLife.end()
  }
  return <button type="button" className="end-session" onClick={end}>End session</button>
}
