import type { PresentMember, Role } from '@harvest/shared'
import { ROLE_LABELS, ROLES } from '@harvest/shared'
import { useSessionStore } from '../stores/useSessionStore'

/** Who is in the session, grouped by role, online first. */
export function PeoplePanel() {
  const members = useSessionStore((s) => s.state?.members ?? [])
  const meId = useSessionStore((s) => s.state?.you.memberId)
  const online = members.filter((m) => m.online).length
  const byRole = (role: Role) =>
    members.filter((m) => m.role === role).sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name))

  return (
    <section className="panel people" aria-label="People">
      <h2>People <span className="count">{online} online</span></h2>
      {ROLES.map((role) => {
        const list = byRole(role)
        if (list.length === 0) return null
        return (
          <div key={role}>
            <h3>{ROLE_LABELS[role]}s</h3>
            <ul>{list.map((m) => <Person key={m.id} member={m} isMe={m.id === meId} />)}</ul>
          </div>
        )
      })}
      {members.length === 0 && <p className="muted">Nobody has joined yet.</p>}
    </section>
  )
}

function Person({ member, isMe }: { member: PresentMember; isMe: boolean }) {
  return (
    <li className={member.online ? 'person online' : 'person'} title={member.online ? 'online' : 'offline'}>
      <span className="dot" aria-hidden />
      <span className="person-name">{member.name}{isMe ? ' (you)' : ''}</span>
      {member.city && <span className="muted"> · {member.city}</span>}
      {member.cityKind && <span className={`tag tag-${member.cityKind}`}>{member.cityKind}</span>}
    </li>
  )
}
