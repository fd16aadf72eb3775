import { useEffect, useState } from 'react'
import { fetchReport } from '../../report/reportFiles'
import { useSessionConnection } from '../../useSessionConnection'
import { useSessionStore } from '../../stores/useSessionStore'
import { ExportMenu } from './ExportMenu'
import './report.css'

/**
 * The Harvest Report inside the app, exactly as its HTML export prints it. The report is shown
 * in a sandboxed frame without scripts, so nothing a card says can run in the app's page.
 */
export function ReportPage({ sessionId }: { sessionId: string }) {
  // The session connection tells the Export menu who this person is and whether the report is shared.
  const identity = useSessionConnection(sessionId)
  const [html, setHtml] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const session = useSessionStore((s) => s.state?.session)

  useEffect(() => {
    if (!identity) return
    let current = true
    setError(null)
    fetchReport(sessionId, 'html', identity.token)
      .then((file) => file.blob.text())
      .then((text) => current && setHtml(text))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
    return () => {
      current = false
    }
  }, [sessionId, identity?.token, version])

  if (!identity) {
    return (
      <main className="narrow">
        <h1>You have not joined this session on this device</h1>
        <p>Open the invitation link the facilitator sent you.</p>
      </main>
    )
  }
  return (
    <div className="report-page">
      <header className="topbar report-bar">
        <div>
          <p className="eyebrow"><a href={`/s/${encodeURIComponent(sessionId)}`}>← Back to the session</a></p>
          <h1>Harvest Report{session ? `: ${session.title}` : ''}</h1>
        </div>
        <div className="whoami">
          <button type="button" onClick={() => setVersion((v) => v + 1)}>Refresh</button>
          <ExportMenu sessionId={sessionId} />
        </div>
      </header>
      {error && <main className="narrow"><p className="error" role="alert">{error}</p></main>}
      {!error && html === null && <main className="narrow"><p className="muted">Putting the report together…</p></main>}
      {!error && html !== null && <iframe className="report-frame" title="Harvest Report" sandbox="" srcDoc={html} />}
    </div>
  )
}
