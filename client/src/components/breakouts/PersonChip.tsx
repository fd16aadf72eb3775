import type { DragEvent } from 'react'
import type { PresentMember } from '@harvest/shared'
import { startMemberDrag } from '../../breakouts/useMemberDrop'

/**
 * One person, compact: name, and a mark for pilot or twin city. Clickable when the facilitator
 * is picking people to place; pressed while picked. Draggable onto a room when `onDrag` is
 * given, which hears the person's id when the drag starts and null when it ends.
 */
export function PersonChip({ id, member, picked, onPick, onDrag, you }: {
  id: string
  member: PresentMember | undefined
  picked?: boolean
  /** This is the person looking at the screen. */
  you?: boolean
  onPick?(id: string): void
  onDrag?(id: string | null): void
}) {
  const name = `${member?.name ?? 'Someone who left'}${you ? ' (you)' : ''}`
  const title = [member?.city, member?.cityKind, member && !member.online ? 'offline' : null].filter(Boolean).join(' · ')
  const className = `person-chip${member?.cityKind ? ` kind-${member.cityKind}` : ''}${member?.online === false ? ' away' : ''}${picked ? ' picked' : ''}${you ? ' you' : ''}`
  if (!onPick) return <span className={className} title={title}>{name}</span>
  const drag = onDrag && {
    draggable: true,
    onDragStart: (e: DragEvent) => { startMemberDrag(e, id); onDrag(id) },
    onDragEnd: () => onDrag(null),
  }
  return (
    <button type="button" className={className} title={title} aria-pressed={picked} onClick={() => onPick(id)} {...drag}>
      {name}
    </button>
  )
}
