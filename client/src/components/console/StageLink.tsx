import { useState } from 'react'
import { stageLinkPath } from '@harvest/shared'
import { people } from '../../commands'
import { useNoticeStore } from '../../stores/useNoticeStore'
import { useSessionStore } from '../../stores/useSessionStore'

/**
 * The session's stage link, for the projector's or the screen-sharer's browser: it opens the
 * stage at once on any device, shows nothing else and cannot join. Rotating it shows the old one out.
 */
export function StageLink({ compact = false }: { compact?: boolean }) {
  const sessionId = useSessionStore((s) => s.state?.session.id)
  const invite = useSessionStore((s) => s.state?.invites?.find((i) => i.role === 'stage'))
  const [copied, setCopied] = useState(false)
  if (!sessionId || !invite) return null
  const link = `${location.origin}${stageLinkPath(sessionId, invite.token)}`

  async function copy() {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
    } catch {
      window.prompt('Copy the stage link', link)
    }
  }

  async function rotate() {
    if (!confirm('Replace the stage link? Screens showing the stage through the old link go dark at once.')) return
    setCopied(false)
    if ((await people.rotateInvite('stage')).ok) useNoticeStore.getState().show('info', 'New stage link ready: the old one no longer works.')
  }

  if (compact) {
    return (
      <span className="stage-link-compact">
        <a href={link} target="_blank" rel="noreferrer">Stage view ↗</a>
        <button className="small" onClick={copy}>{copied ? 'Copied' : 'Copy stage link'}</button>
      </span>
    )
  }
  return (
    <section className="panel invites stage-link" aria-label="Stage link">
      <h2>Stage link</h2>
      <p className="muted">For the projector or whoever shares the screen: opens the stage view on any device, read-only, without joining.</p>
      <div className="stage-link-row">
        <input readOnly value={link} aria-label="Stage link" onFocus={(e) => e.target.select()} />
        <span className="invite-actions">
          <button onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
          <a href={link} target="_blank" rel="noreferrer">Open ↗</a>
          <button className="link" onClick={rotate} aria-label="New link for the stage">New link</button>
        </span>
      </div>
    </section>
  )
}
