import { useEffect, useMemo, useState } from 'react'
import type { Role, SessionListing } from '@harvest/shared'
import { inviteLinkPath } from '@harvest/shared'
import { forgetOrganiserKey, takeOrganiserKey } from '../../admin/adminKey'
import { filterSessions } from '../../admin/filterSessions'
import { organiserApi } from '../../admin/organiserApi'
import { fetchReport, saveFile } from '../../report/reportFiles'
import { formatDay } from '../../time/formatDate'
import './admin.css'

/** The organiser's page: every session on the server, newest first, to find, open and download. */
export function AdminPage() {
  const [key] = useState(takeOrganiserKey)
  const [sessions, setSessions] = useState<SessionListing[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const shown = useMemo(() => filterSessions(sessions ?? [], query), [sessions, query])

  useEffect(() => {
    if (key) organiserApi.sessions(key).then((list) => setSessions(list.sessions), (e: Error) => setError(e.message))
  }, [key])

  if (!key) {
    return (
      <main className="narrow">
        <h1>Organiser’s page</h1>
        <p>Open the admin link the server printed when it first started (it carries the organiser key after “#key=”).</p>
      </main>
    )
  }

  async function open(sessionId: string, role: Role) {
    try {
      const { invites } = await organiserApi.links(key!, sessionId)
      const invite = invites.find((i) => i.role === role)
      if (invite) window.open(inviteLinkPath(invite.token), '_blank', 'noopener')
    } catch (e) {
      setError((e as Error).message)
    }
  }

  async function download(sessionId: string) {
    try {
      saveFile(await fetchReport(sessionId, 'html', key!))
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <main className="admin">
      <header className="admin-head">
        <div>
          <p className="eyebrow">Harvest · organiser</p>
          <h1>Every session on this server</h1>
        </div>
        <button type="button" className="link" onClick={() => { forgetOrganiserKey(); location.assign('/') }}>Forget the key in this tab</button>
      </header>
      <label className="admin-search">
        Search by title, cluster or city
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Cluster 4, Łódź…" />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      {!sessions && !error && <p className="muted">Loading the sessions…</p>}
      {sessions && (
        <p className="muted" aria-live="polite">{shown.length} of {sessions.length} sessions</p>
      )}
      {sessions && shown.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr><th>Session</th><th>Cluster</th><th>Round</th><th>Date</th><th>People</th><th>Cards</th><th>Status</th><th><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {shown.map(({ session, people, cards, endedAt }) => (
              <tr key={session.id}>
                <td><strong>{session.title}</strong>{session.cities.length > 0 && <div className="admin-cities">{session.cities.map((c) => c.name).join(', ')}</div>}</td>
                <td>{session.cluster}</td>
                <td>{session.round || '—'}</td>
                <td>{formatDay(session.date)}</td>
                <td className="num">{people}</td>
                <td className="num">{cards}</td>
                <td>{endedAt === null ? <span className="status running">Running</span> : <span className="status ended">Ended</span>}</td>
                <td className="admin-actions">
                  <button type="button" onClick={() => void open(session.id, 'observer')}>Open read-only</button>
                  <button type="button" onClick={() => void open(session.id, 'facilitator')}>Open as facilitator</button>
                  <button type="button" onClick={() => void download(session.id)}>Report</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
