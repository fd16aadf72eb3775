import { useEffect } from 'react'
import { closeBoard, openBoard } from '../board/boardConnection'
import { forgetIdentity, loadIdentity } from '../identity'
import { connectSession, disconnectSession } from '../socket'
import { useSessionStore } from '../stores/useSessionStore'
import { Board } from './Board'
import { ConnectionBadge } from './ConnectionBadge'
import { InviteLinks } from './InviteLinks'
import { PeoplePanel } from './PeoplePanel'

/** The live session: header, the shared board, and the people. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const identity = loadIdentity(sessionId)
  const state = useSessionStore((s) => s.state)
  const status = useSessionStore((s) => s.status)
  const refusal = useSessionStore((s) => s.refusal)

  useEffect(() => {
    if (!identity) return
    connectSession(identity.token)
    openBoard(sessionId, identity.token)
    return () => {
      disconnectSession()
      closeBoard()
    }
  }, [sessionId, identity?.token])

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
  return (
    <div className="session">
      <header className="topbar">
        <div>
          <p className="eyebrow">{session.cluster} · {session.date}</p>
          <h1>{session.title}</h1>
        </div>
        <div className="whoami">
          <span>{identity.name ?? 'Guest'} · <strong>{you.role}</strong></span>
          <ConnectionBadge status={status} />
        </div>
      </header>
      <div className="layout">
        <Board />
        <aside className="sidebar">
          <PeoplePanel />
          {state.invites && <InviteLinks invites={state.invites} />}
        </aside>
      </div>
    </div>
  )
}
