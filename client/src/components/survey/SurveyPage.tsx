import { can } from '@harvest/shared'
import { useSessionConnection } from '../../useSessionConnection'
import { useSessionStore } from '../../stores/useSessionStore'
import { useSurveyStore } from '../../stores/useSurveyStore'
import { ConnectionBadge } from '../ConnectionBadge'
import { NoticeToast } from '../NoticeToast'
import { OfflineBanner } from '../OfflineBanner'
import { SurveyForm } from './SurveyForm'
import { formatDay } from '../../time/formatDate'

/**
 * The survey on a page of its own, for answering after the session (or on a phone) while it is
 * open: the same browser's saved identity connects it, as the session page does.
 */
export function SurveyPage({ sessionId }: { sessionId: string }) {
  const identity = useSessionConnection(sessionId)
  const state = useSessionStore((s) => s.state)
  const status = useSessionStore((s) => s.status)
  const refusal = useSessionStore((s) => s.refusal)
  const survey = useSurveyStore((s) => s.survey)

  if (!identity) return <main className="narrow"><h1>Feedback survey</h1><p>Open your invitation link on this device first, then come back to this page.</p></main>
  if (status === 'refused') return <main className="narrow"><h1>Feedback survey</h1><p className="error" role="alert">{refusal}</p></main>
  if (!state || !survey) return <main className="narrow"><p className="muted">Connecting to the session…</p></main>
  const answers = can(state.you.role, 'survey:answer')
  return (
    <main className="narrow survey-page">
      <OfflineBanner />
      <NoticeToast />
      <p className="eyebrow">{state.session.cluster} · {formatDay(state.session.date)} <ConnectionBadge status={status} /></p>
      <h1>{state.session.title}</h1>
      {!answers && <p>Participants and harvesters answer the feedback survey; your role does not.</p>}
      {answers && survey.status === 'draft' && <p>The feedback survey is not open yet: the facilitator opens it at the wrap-up.</p>}
      <SurveyForm sessionId={sessionId} />
      <p><a href={`/s/${encodeURIComponent(sessionId)}`}>Back to the session</a></p>
    </main>
  )
}
