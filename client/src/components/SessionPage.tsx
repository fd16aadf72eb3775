import { useEffect } from 'react'
import { ROLE_LABELS, can } from '@harvest/shared'
import { closeBoard, openBoard } from '../board/boardConnection'
import { forgetIdentity } from '../identity'
import { useSessionConnection } from '../useSessionConnection'
import { selectMe, useSessionStore } from '../stores/useSessionStore'
import { Board } from './Board'
import { Breakouts } from './breakouts/Breakouts'
import { ChimeWatcher } from './clock/ChimeWatcher'
import { ConnectionBadge } from './ConnectionBadge'
import { FacilitatorConsole } from './console/FacilitatorConsole'
import { InviteLinks } from './InviteLinks'
import { ExportMenu } from './report/ExportMenu'
import { NoticeToast } from './NoticeToast'
import { OfflineBanner } from './OfflineBanner'
import { AgendaOverview } from './participant/AgendaOverview'
import { MyStoryPanel } from './participant/MyStoryPanel'
import { NowShowing } from './participant/NowShowing'
import { PeoplePanel } from './PeoplePanel'
import { EndSessionButton } from './session/EndSessionButton'
import { RecapPanel } from './session/RecapPanel'
import { SessionEndedBanner } from './session/SessionEndedBanner'
import { SurveyForm } from './survey/SurveyForm'
import { formatDay } from '../time/formatDate'

/** The live session: header, what runs now (or the facilitator's console), the shared board, and the people. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const identity = useSessionConnection(sessionId)
  const state = useSessionStore((s) => s.state)
  const status = useSessionStore((s) => s.status)
  const refusal = useSessionStore((s) => s.refusal)
  const boardEpoch = useSessionStore((s) => s.boardEpoch)
  // The server's name wins over the one saved at joining: a facilitator may have renamed this person.
  const myName = useSessionStore((s) => selectMe(s)?.name)

  // Reopened when this person's role changes, so the board applies the new write rights.
  useEffect(() => {
    if (!identity) return
    openBoard(sessionId, identity.token)
    return () => closeBoard()
  }, [sessionId, identity?.token, boardEpoch])

  if (!identity) {
    return (
      <main className="narrow">
        <h1>You have not joined this session on this device</h1>
        <p>Open the invitation link the facilitator sent you.</p>
      </main>
    )
  }
  if (status === 'refused') {
    return (
      <main className="narrow">
        <h1>The session refused this connection</h1>
        <p className="error" role="alert">{refusal}</p>
        <p>Ask the facilitator for a new invitation link.</p>
        <button onClick={() => { forgetIdentity(sessionId); location.assign('/') }}>Forget this session on this device</button>
      </main>
    )
  }
  if (!state) return <main className="narrow"><p className="muted">Connecting to the session…</p></main>

  const { session, you } = state
  const facilitates = can(you.role, 'session:drive')
  return (
    <div className="session">
      <header className="topbar">
        <div>
          <p className="eyebrow">{session.cluster} · {formatDay(session.date)}</p>
          <h1>{session.title}</h1>
        </div>
        <div className="whoami">
          <ExportMenu sessionId={session.id} />
          <EndSessionButton />
          {!facilitates && <a href={`/s/${encodeURIComponent(session.id)}/stage`} target="_blank" rel="noreferrer">Stage view ↗</a>}
          <span>{myName ?? identity.name ?? 'Guest'} · <strong>{ROLE_LABELS[you.role]}</strong></span>
          <ConnectionBadge status={status} />
        </div>
      </header>
      <OfflineBanner />
      <SessionEndedBanner sessionId={session.id} />
      <ChimeWatcher />
      <NoticeToast />
      {facilitates ? <FacilitatorConsole /> : <>
      <div className="now-area"><NowShowing /><Breakouts /></div>
      <div className="layout">
        <div className="main-column">
          {!facilitates && <SurveyForm sessionId={session.id} />}
          <RecapPanel />
          {!facilitates && <MyStoryPanel />}
          <Board />
        </div>
        <aside className="sidebar">
          {!facilitates && <AgendaOverview />}
          <PeoplePanel />
          {state.invites && <InviteLinks invites={state.invites} />}
        </aside>
      </div>
      </>}
    </div>
  )
}
