import type { PresentMember } from '@harvest/shared'

/**
 * One person, compact: name, and a mark for pilot or twin city. Clickable when the facilitator
 * is picking people to place; pressed while picked.
 */
export function PersonChip({ id, member, picked, onPick, you }: {
  id: string
  member: PresentMember | undefined
  picked?: boolean
  /** This is the person looking at the screen. */
  you?: boolean
  onPick?(id: string): void
}) {
  const name = `${member?.name ?? 'Someone who left'}${you ? ' (you)' : ''}`
  const title = [member?.city, member?.cityKind, member && !member.online ? 'offline' : null].filter(Boolean).join(' · ')
  const className = `person-chip${member?.cityKind ? ` kind-${member.cityKind}` : ''}${member?.online === false ? ' away' : ''}${picked ? ' picked' : ''}${you ? ' you' : ''}`
  if (!onPick) return <span className={className} title={title}>{name}</span>
  return (
    <button type="button" className={className} title={title} aria-pressed={picked} onClick={() => onPick(id)}>
      {name}
    </button>
  )
}
