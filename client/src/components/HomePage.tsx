import { ROLE_LABELS } from '@harvest/shared'
import { savedSessions } from '../identity'
import { CreateSessionForm } from './CreateSessionForm'
import { DemoPanel } from './DemoPanel'

/** The front door: what the tool is for, a new session, and the sessions of this browser. */
export function HomePage() {
  const sessions = savedSessions()
  return (
    <main className="narrow">
      <header className="brand">
        <h1>Harvest</h1>
        <p className="lede">
          Run a collective sensemaking session: one live board for every city, timed stories, breakouts and a harvest
          at the end.
        </p>
      </header>
      <DemoPanel />
      <section className="panel">
        <h2>Start a new session</h2>
        <CreateSessionForm />
      </section>
      {sessions.length > 0 && (
        <section className="panel">
          <h2>Sessions on this device</h2>
          <ul className="session-list">
            {sessions.map((s) => (
              <li key={s.sessionId}>
                <a href={`/s/${s.sessionId}`}>{s.title}</a>
                <span className="muted">
                  {' '}
                  · {s.name ?? 'watching'} · {ROLE_LABELS[s.role]}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}
