import { currentItem, isParticipant, roomArea } from '@harvest/shared'
import { roomIdOf } from '../../breakouts/roomMembers'
import { roundName, roundsOf } from '../../breakouts/roundView'
import { useLiveRound, useRoundPhase, useRounds } from '../../breakouts/useLiveRound'
import { useRoomArea } from '../../breakouts/useRoomArea'
import { useControlStore } from '../../stores/useControlStore'
import { useBreakoutStore } from '../../stores/useBreakoutStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { Marketplace } from './Marketplace'
import { MyRoom } from './MyRoom'
import { RoomChooser } from './RoomChooser'
import { RoomSwitcher } from './RoomSwitcher'
import { RoundNotices } from './RoundNotices'

/**
 * What a participant (or harvester, or observer) sees of breakouts: the marketplace before open
 * space opens; then their room, or the rooms to choose from; the banner, the warning and the
 * closing countdown. While they are in a room their board shows the room's area.
 */
export function ParticipantBreakout() {
  const role = useSessionStore((s) => s.state?.you.role ?? 'observer')
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const item = useControlStore((s) => (s.control ? currentItem(s.control) : null))
  const agenda = useControlStore((s) => s.control?.agenda)
  const all = useRounds()
  const live = useLiveRound()
  const phase = useRoundPhase(live)
  // Only this person's room: other people's moves do not re-render this view.
  const myRoomId = useBreakoutStore((s) => roomIdOf(s.membership[live?.id ?? ''], meId))
  useRoomArea(live && myRoomId ? roomArea(live.id, myRoomId) : null)

  if (!live) {
    const upcoming = item?.kind === 'breakout' ? roundsOf(all, item.id).find((r) => r.status === 'planned' && r.mode === 'open_space') : undefined
    if (!upcoming) return null
    return (
      <section className="panel breakout-view" aria-label="Breakout rooms">
        <p className="eyebrow">Open space is coming</p>
        <h2 className="now-title">Which conversation do you want to have?</h2>
        <Marketplace round={upcoming} joinable={false} />
      </section>
    )
  }

  const room = live.rooms.find((r) => r.id === myRoomId)
  const roundItem = agenda?.find((i) => i.id === live.itemId)
  const label = `Your room · ${roundName(all, live)}`
  // Participants are placed in a room or choose one; everyone else here follows the rooms.
  const participant = isParticipant(role)
  const follows = !participant
  return (
    <section className="panel breakout-view" aria-label="Breakout rooms">
      <RoundNotices round={live} closing={phase === 'closing'} />
      {room && <MyRoom round={live} room={room} item={roundItem} label={label} showPrompt={live.itemId !== item?.id} />}
      {follows && !room && <RoomSwitcher round={live} item={roundItem} showPrompt={live.itemId !== item?.id} />}
      {!room && live.mode === 'assigned' && participant && <p className="muted">The facilitator is placing you in a room…</p>}
      {live.mode === 'open_space' && participant && phase === 'open' && (
        <>
          <RoomChooser round={live} currentId={room?.id ?? null} />
          {!room && <Marketplace round={live} joinable />}
        </>
      )}
    </section>
  )
}
