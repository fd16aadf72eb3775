import { useState } from 'react'
import type { Invite } from '@harvest/shared'
import { ROLE_LABELS, inviteLinkPath } from '@harvest/shared'

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

  return (
    <section className="panel invites" aria-label="Invitation links">
      <h2>Invitation links</h2>
      <p className="muted">Send each group its own link; no accounts needed.</p>
      <ul>
        {invites.map((invite) => {
          const link = `${location.origin}${inviteLinkPath(invite.token)}`
          return (
            <li key={invite.role}>
              <span className="invite-role">{ROLE_LABELS[invite.role]}</span>
              <input readOnly value={link} aria-label={`${ROLE_LABELS[invite.role]} link`} onFocus={(e) => e.target.select()} />
              <button onClick={() => copy(link, invite.role)}>{copied === invite.role ? 'Copied' : 'Copy'}</button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
