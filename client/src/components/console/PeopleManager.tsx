import type { PresentMember, Role } from '@harvest/shared'
import { LIMITS, ROLES, ROLE_LABELS, can } from '@harvest/shared'
import { people } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { CommitText } from '../inputs/CommitField'

/** Everyone in the session with their role, and the facilitator's actions on each. */
export function PeopleManager() {
  const members = useSessionStore((s) => s.state?.members ?? [])
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const leadId = useControlStore((s) => s.control?.leadId ?? null)
  const sorted = [...members].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name))
  return (
    <table className="people-manager">
      <thead>
        <tr><th scope="col">Name</th><th scope="col">City</th><th scope="col">Role</th><th scope="col">Lead</th><th scope="col" /></tr>
      </thead>
      <tbody>
        {sorted.map((m) => <PersonRow key={m.id} member={m} isMe={m.id === meId} isLead={m.id === leadId} />)}
      </tbody>
    </table>
  )
}

function PersonRow({ member, isMe, isLead }: { member: PresentMember; isMe: boolean; isLead: boolean }) {
  function changeRole(role: Role) {
    if (isMe && !can(role, 'session:drive') && !confirm('Change your own role? You will no longer be able to run the session.')) return
    void people.setRole(member.id, role)
  }
  function remove() {
    if (confirm(`Remove ${member.name} from the session? Their open connections close at once.`)) void people.remove(member.id)
  }
  return (
    <tr className={member.online ? 'online' : 'offline'}>
      <td className="person-cell">
        <span className="dot" title={member.online ? 'online' : 'offline'} aria-label={member.online ? 'online' : 'offline'} />
        <CommitText className="inline-edit" label={`Name of ${member.name}`} value={member.name} required maxLength={LIMITS.nameMax}
          onCommit={(name) => people.rename(member.id, name)} />
        {isMe && <span className="muted">(you)</span>}
      </td>
      <td>{member.city}{member.cityKind && <span className={`tag tag-${member.cityKind}`}>{member.cityKind}</span>}</td>
      <td>
        <select aria-label={`Role of ${member.name}`} value={member.role} onChange={(e) => changeRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </td>
      <td>
        {isLead ? <strong className="lead-badge">Lead</strong> : can(member.role, 'session:drive') && (
          <button className="small" onClick={() => people.setLead(member.id)}>{isMe ? 'Take the lead' : 'Hand the lead'}</button>
        )}
      </td>
      <td>{!isMe && <button className="small danger" onClick={remove}>Remove</button>}</td>
    </tr>
  )
}
