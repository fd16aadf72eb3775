import { can, isEnded } from '@harvest/shared'
import { sessionLife } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { NextRoundForm } from './NextRoundForm'
import { formatDayTime } from '../../time/formatDate'
import './session.css'


/** Across the top once the session has ended: what that means for this person, and where the report is. */
export function SessionEndedBanner({ sessionId }: { sessionId: string }) {
  const endedAt = useControlStore((s) => (isEnded(s.control) ? s.control!.endedAt : null))
  const role = useSessionStore((s) => s.state?.you.role)
  if (endedAt === null || !role) return null
  const facilitates = can(role, 'session:end')
  const curates = can(role, 'board:curate')
  return (
    <section className="ended-banner" role="status" aria-label="The session has ended">
      <div>
        <strong>This session ended {formatDayTime(endedAt)}.</strong>{' '}
        {curates ? 'The board and the harvest stay open for you to finish the harvest.' : 'The board is read-only now.'}{' '}
        {/* Ending shares the report with everyone in the session (the server allows it from then on). */}
        The report is ready: <a href={`/s/${encodeURIComponent(sessionId)}/report`}>read the report</a>, or download it from “Export report”.
      </div>
      {facilitates && (
        <div className="ended-actions">
          <button type="button" onClick={() => void sessionLife.reopen()}>Reopen the session</button>
          <NextRoundForm />
        </div>
      )}
    </section>
  )
}
