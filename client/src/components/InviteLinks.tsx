import { useState } from 'react'
import type { Invite } from '@harvest/shared'
import { ROLE_LABELS, inviteLinkPath, isJoinInvite } from '@harvest/shared'
import type { Role } from '@harvest/shared'
import { people } from '../commands'
import { useNoticeStore } from '../stores/useNoticeStore'

/** One link per role for the facilitator to send out. Whoever holds a link joins in that role. */
export function InviteLinks({ invites }: { invites: Invite[] }) {
  const [copied, setCopied] = useState<string | null>(null)

  async function copy(link: string, role: string) {
    try {
      await navigator.clipboard.writeText(link)
      setCopied(role)
    } catch {
      setCopied(null)
      window.prompt('Copy this link', link)
    }
  }

  async function rotate(invite: Invite & { role: Role }) {
    const label = ROLE_LABELS[invite.role]
    if (!confirm(`Replace the ${label.toLowerCase()} link? The old link stops working at once; people who already joined stay in.`)) return
    if ((await people.rotateInvite(invite.role)).ok) useNoticeStore.getState().show('info', `New ${label.toLowerCase()} link ready: the old one no longer works.`)
  }

  return (
    <section className="panel invites" aria-label="Invitation links">
      <h2>Invitation links</h2>
      <p className="muted">Send each group its own link; no accounts needed.</p>
      <ul>
        {invites.filter(isJoinInvite).map((invite) => {
          const link = `${location.origin}${inviteLinkPath(invite.token)}`
          return (
            <li key={invite.role}>
              <span className="invite-role">{ROLE_LABELS[invite.role]}</span>
              <input readOnly value={link} aria-label={`${ROLE_LABELS[invite.role]} link`} onFocus={(e) => e.target.select()} />
              <span className="invite-actions">
                <button onClick={() => copy(link, invite.role)}>{copied === invite.role ? 'Copied' : 'Copy'}</button>
                <button className="link" onClick={() => rotate(invite)} aria-label={`New link for the ${ROLE_LABELS[invite.role].toLowerCase()} invitation`}>New link</button>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
