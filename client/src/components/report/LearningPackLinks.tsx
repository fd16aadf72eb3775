import { useState } from 'react'
import { PACK_FORMATS, can, isParticipant, learningPackPath, learningPacksZipPath } from '@harvest/shared'
import type { PackFormat } from '@harvest/shared'
import { loadIdentity } from '../../identity'
import { fetchFile, saveFile } from '../../report/reportFiles'
import { useSessionStore } from '../../stores/useSessionStore'

const PACK_LABELS: Record<PackFormat, string> = { md: 'Markdown', html: 'Web page (HTML)', docx: 'Word (.docx)' }

/**
 * The learning packs in the Export menu: a participant downloads their own city's at any time
 * (the server allows it before the report is shared); a facilitator downloads all of them as a zip.
 */
export function LearningPackLinks({ sessionId }: { sessionId: string }) {
  const role = useSessionStore((s) => s.state?.you.role)
  const city = useSessionStore((s) => s.state?.members.find((m) => m.id === s.state?.you.memberId)?.city ?? '')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!role) return null
  const own = isParticipant(role) && city !== ''
  const all = can(role, 'report:share')
  if (!own && !all) return null

  const download = async (key: string, path: string, fallback: string) => {
    const identity = loadIdentity(sessionId)
    if (!identity) return
    setBusy(key)
    setError(null)
    try {
      saveFile(await fetchFile(path, identity.token, fallback))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="export-packs">
      {own && (
        <>
          <p className="export-lead">Our city’s learning pack: our story, what others wrote during it, the patterns, insights, offers and questions for {city}.</p>
          <ul className="export-formats" aria-label="Download our city’s learning pack">
            {PACK_FORMATS.map((format) => (
              <li key={format}>
                <button type="button" disabled={busy !== null} aria-busy={busy === format} onClick={() => void download(format, learningPackPath(sessionId, city, format), `learning-pack.${format}`)}>
                  {busy === format ? 'Preparing…' : `Our city’s learning pack – ${PACK_LABELS[format]}`}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {all && (
        <button type="button" disabled={busy !== null} aria-busy={busy === 'zip'} onClick={() => void download('zip', learningPacksZipPath(sessionId), 'learning-packs.zip')}>
          {busy === 'zip' ? 'Preparing…' : 'All learning packs (.zip)'}
        </button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  )
}
