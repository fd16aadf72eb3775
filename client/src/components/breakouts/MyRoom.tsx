import type { AgendaItem, BreakoutRound, Room } from '@harvest/shared'
import { roomLink } from '@harvest/shared'
import { rooms } from '../../breakouts/breakoutCommands'
import { roomClock } from '../../breakouts/roundView'
import { useMembers } from '../../breakouts/useMembers'
import { selectRoomMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { ClockView } from '../clock/ClockView'
import { MeetingLink } from './MeetingLink'
import { PersonChip } from './PersonChip'

/** A person's room: its name or topic, who is in it, the prompt, the room clock, the call and help. */
export function MyRoom({ round, room, item, label, showPrompt }: {
  round: BreakoutRound
  room: Room
  item: AgendaItem | undefined
  label: string
  /** Off while the session's "now" panel already shows this item's prompt just above. */
  showPrompt: boolean
}) {
  const { byId } = useMembers()
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const memberIds = useBreakoutStore(selectRoomMembers(round.id, room.id))
  const host = room.hostId ? byId.get(room.hostId)?.name : null
  const harvester = room.harvesterId ? byId.get(room.harvesterId)?.name : null
  const asked = room.help !== null

  return (
    <div className="my-room">
      <div className="my-room-main">
        <p className="eyebrow">{label}</p>
        <h2 className="now-title">{room.name}</h2>
        {room.topic && <p className="room-topic">{room.topic}</p>}
        {showPrompt && item?.prompt && <p className="prompt">{item.prompt}</p>}
        <p className="room-sub">
          <span>{memberIds.length} {memberIds.length === 1 ? 'person' : 'people'}{room.capacity !== null && ` of ${room.capacity}`}</span>
          {host && <span>Host: {host}</span>}
          {harvester && <span>Harvester: {harvester}</span>}
        </p>
        <div className="room-people" aria-label="In this room">
          {memberIds.map((id) => <PersonChip key={id} id={id} member={byId.get(id)} you={id === meId} />)}
        </div>
        <div className="button-row room-buttons">
          <MeetingLink link={roomLink(round, room)} />
          {memberIds.includes(meId ?? '') && (
            <button className={asked ? 'on' : ''} aria-pressed={asked} onClick={() => void rooms.callHelp(round.id, !asked)}>
              {asked ? 'A facilitator is called: cancel the call' : 'Call a facilitator'}
            </button>
          )}
          {round.mode === 'open_space' && memberIds.includes(meId ?? '') && <button className="link" onClick={() => void rooms.leave(round.id)}>Leave this room</button>}
        </div>
      </div>
      {item && <ClockView clock={roomClock(item, room.extraMs)} size="md" kind="room" label={room.extraMs > 0 ? `Room · +${Math.round(room.extraMs / 60_000)} min` : 'Room'} />}
    </div>
  )
}
