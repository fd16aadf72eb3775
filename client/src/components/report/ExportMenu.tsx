import { useState } from 'react'
import type { ReportFormat } from '@harvest/shared'
import { REPORT_FORMATS, REPORT_FORMAT_LABELS, can, isParticipant, mayReadReport } from '@harvest/shared'
import { report } from '../../commands'
import { loadIdentity } from '../../identity'
import { fetchReport, saveFile } from '../../report/reportFiles'
import { useControlStore } from '../../stores/useControlStore'
import { LearningPackLinks } from './LearningPackLinks'
import { useSessionStore } from '../../stores/useSessionStore'
import './report.css'

/**
 * The Harvest Report, downloadable in every format at any time by those who may read it; the
 * facilitator shares it with everyone. A file is fetched with the person's token in a header,
 * so no link with a token in it is ever shown or kept in the history.
 */
export function ExportMenu({ sessionId }: { sessionId: string }) {
  const role = useSessionStore((s) => s.state?.you.role)
  const hasCity = useSessionStore((s) => (s.state?.members.find((m) => m.id === s.state?.you.memberId)?.city ?? '') !== '')
  const shared = useControlStore((s) => s.control?.reportShared ?? false)
  // Once the session has ended the server lets everyone in it read the report.
  const readable = useControlStore((s) => (s.control?.reportShared ?? false) || s.control?.endedAt != null)
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The box shows the choice at once; the server's state takes over once it answers.
  const [sharing, setSharing] = useState<boolean | null>(null)
  if (!role) return null
  // A participant downloads their own city's learning pack before the report is shared.
  if (!mayReadReport(role, readable)) {
    return isParticipant(role) && hasCity ? (
      <details className="export-menu">
        <summary>Export</summary>
        <div className="export-panel">
          <LearningPackLinks sessionId={sessionId} />
        </div>
      </details>
    ) : null
  }

  const download = async (format: ReportFormat) => {
    const identity = loadIdentity(sessionId)
    if (!identity) return
    setBusy(format)
    setError(null)
    try {
      saveFile(await fetchReport(sessionId, format, identity.token))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <details className="export-menu">
      <summary>Export report</summary>
      <div className="export-panel">
        <p className="export-lead">The Harvest Report as it stands now: every card in its place, the harvest, timekeeping.</p>
        <a className="button primary export-preview" href={`/s/${encodeURIComponent(sessionId)}/report`}>Read the report</a>
        <ul className="export-formats" aria-label="Download the report">
          {REPORT_FORMATS.map((format) => (
            <li key={format}>
              <button type="button" onClick={() => void download(format)} disabled={busy !== null} aria-busy={busy === format}>
                {busy === format ? 'Preparing…' : REPORT_FORMAT_LABELS[format]}
              </button>
            </li>
          ))}
        </ul>
        {error && <p className="error" role="alert">{error}</p>}
        <LearningPackLinks sessionId={sessionId} />
        {can(role, 'report:share') && (
          <label className="export-share">
            <input
              type="checkbox"
              checked={sharing ?? shared}
              onChange={(e) => {
                setSharing(e.target.checked)
                void report.share(e.target.checked).finally(() => setSharing(null))
              }}
            />
            Share the report with everyone in the session
          </label>
        )}
        {!can(role, 'report:share') && shared && <p className="muted small-text">The facilitator has shared the report with everyone.</p>}
      </div>
    </details>
  )
}
