import { ROLE_LABELS } from '@harvest/shared'
import { useSessionStore } from '../../stores/useSessionStore'

const SHOWN = 24

/**
 * Who is here, at a glance, for the run view: one chip a person, online first. Roles, renames and
 * invitations are in the plan view.
 */
export function PeopleStrip() {
  const members = useSessionStore((s) => s.state?.members ?? [])
  const meId = useSessionStore((s) => s.state?.you.memberId)
  const online = members.filter((m) => m.online).length
  const sorted = [...members].sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name))
  const more = sorted.length - SHOWN
  return (
    <section className="panel people people-strip" aria-label="People">
      <h2>People <span className="count">{online} online of {members.length}</span></h2>
      <ul>
        {sorted.slice(0, SHOWN).map((m) => (
          <li key={m.id} className={m.online ? 'person online' : 'person'} title={`${ROLE_LABELS[m.role]}${m.city ? ` · ${m.city}` : ''} · ${m.online ? 'online' : 'offline'}`}>
            <span className="dot" aria-hidden />
            <span className="person-name">{m.name}{m.id === meId ? ' (you)' : ''}</span>
            <span className="strip-state">{m.online ? ', online' : ', offline'}</span>
          </li>
        ))}
        {more > 0 && <li className="muted">and {more} more</li>}
      </ul>
    </section>
  )
}
