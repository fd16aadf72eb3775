import { people } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'

/** Who drives the agenda and clocks, and a one-click way for a co-facilitator to take over. */
export function LeadBar() {
  const leadId = useControlStore((s) => s.control?.leadId ?? null)
  const members = useSessionStore((s) => s.state?.members ?? [])
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const lead = members.find((m) => m.id === leadId)

  if (!meId) return null
  if (leadId === meId) return <p className="lead-bar lead-me"><span><strong>You lead</strong>: the agenda, clocks and storytelling follow you.</span></p>
  return (
    <p className="lead-bar lead-other">
      {lead ? (
        <span><strong>{lead.name}</strong> leads{lead.online ? '' : ' (offline)'}. You can edit the agenda and queue; driving is theirs.</span>
      ) : (
        <span>Nobody leads yet.</span>
      )}
      <button className="primary" onClick={() => people.setLead(meId)}>Take the lead</button>
    </p>
  )
}
