import { useEffect, useState } from 'react'
import type { DemoInfo, Role } from '@harvest/shared'
import { ROLE_LABELS, can, inviteLinkPath } from '@harvest/shared'
import { api } from '../api'

const TRY_AS: Role[] = ['facilitator', 'participant', 'harvester', 'observer']

/** On a server that seeds the demo, the quickest way in: one link per role, no setup. */
export function DemoPanel() {
  const [demo, setDemo] = useState<DemoInfo | null>(null)
  useEffect(() => void api.demo().then(setDemo), [])
  if (!demo) return null
  return (
    <section className="panel demo" aria-label="Demo session">
      <h2>Try the demo</h2>
      <p className="muted">
        {demo.session.cluster}: Cluj-Napoca, Galway, Istanbul and the Polish multi-city pilot with their twin cities.
        Open it in two windows, as two people, to see the board and the clocks live.
      </p>
      <div className="row">
        {TRY_AS.map((role) => {
          const invite = demo.invites.find((i) => i.role === role)
          return invite ? (
            <a key={role} className={can(role, 'session:drive') ? 'button primary' : 'button'} href={inviteLinkPath(invite.token)}>
              Join as {ROLE_LABELS[role].toLowerCase()}
            </a>
          ) : null
        })}
      </div>
    </section>
  )
}
