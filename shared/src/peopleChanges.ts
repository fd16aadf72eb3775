import type { PresentMember } from './session'
import type { PeopleChanges } from './events/serverEvents'

/**
 * The list after the changes: a known person's record is replaced where it stands, a new person
 * is added at the end (the order the server lists them in, by arrival). Returns the same list
 * when nothing in it changed.
 */
export function applyPeopleChanges(members: PresentMember[], { changed, removed }: PeopleChanges): PresentMember[] {
  if (changed.length === 0 && removed.length === 0) return members
  const updates = new Map(changed.map((m) => [m.id, m]))
  const gone = new Set(removed)
  const next: PresentMember[] = []
  for (const member of members) {
    if (gone.has(member.id)) continue
    const update = updates.get(member.id)
    next.push(update ?? member)
    updates.delete(member.id)
  }
  for (const added of updates.values()) if (!gone.has(added.id)) next.push(added)
  return next
}
