import { memo, useState } from 'react'
import type { PresentMember, Room } from '@harvest/shared'
import { roomArea, roomLink } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import { rooms, rounds } from '../../breakouts/breakoutCommands'
import { seatsLeft } from '../../breakouts/roundView'
import { scrollToBoard, showArea } from '../../breakouts/showArea'
import { useMemberDrop } from '../../breakouts/useMemberDrop'
import { selectRoomMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { MeetingLink } from './MeetingLink'
import { PersonChip } from './PersonChip'
import { RoomForm } from './RoomForm'

/**
 * One room in the facilitator's view: its name, host, people and, while running, its cards, help
 * call and extra time. It reads its own people from the membership store, so a move re-renders
 * only the rooms it touched. People can be dragged in from other rooms or the unassigned list.
 */
export const RoomTile = memo(function RoomTile({ roundId, room, live, cards, byId, picked, onPick, onPlace, dragged, onDrag, onDropMember, lookingAt }: {
  roundId: string
  room: Room
  /** Running (rather than being set up): cards, help, time and "look in" show. */
  live: boolean
  cards: number
  byId: ReadonlyMap<string, PresentMember>
  picked: ReadonlySet<string>
  onPick(id: string): void
  onPlace(roomId: string): void
  /** The person being dragged, if any: the tile lights up as a target unless they are in it. */
  dragged: string | null
  onDrag(id: string | null): void
  onDropMember(memberId: string, roomId: string): void
  lookingAt: boolean
}) {
  const memberIds = useBreakoutStore(selectRoomMembers(roundId, room.id))
  const linkPattern = useControlStore((s) => s.control?.rounds.find((r) => r.id === roundId)?.linkPattern ?? null)
  const accepts = dragged !== null && !memberIds.includes(dragged)
  const drop = useMemberDrop(accepts, (memberId) => onDropMember(memberId, room.id))
  const [editing, setEditing] = useState(false)
  const left = seatsLeft(room.capacity, memberIds.length)
  const host = room.hostId ? byId.get(room.hostId)?.name : null
  const harvester = room.harvesterId ? byId.get(room.harvesterId)?.name : null
  const area = roomArea(roundId, room.id)

  if (editing) return <li className="room-tile editing"><RoomForm roundId={roundId} room={room} onDone={() => setEditing(false)} /></li>
  return (
    <li className={`room-tile${room.help ? ' asks-help' : ''}${lookingAt ? ' looking' : ''}${accepts ? ' drop-target' : ''}${drop.over ? ' dropping' : ''}`}
      data-room={room.name} {...drop.props}>
      <div className="room-tile-head">
        <strong className="room-name" title={room.topic || room.name}>{room.name}</strong>
        <span className={left === 0 ? 'room-count full' : 'room-count'} title="people in the room">
          {memberIds.length}{room.capacity !== null && `/${room.capacity}`}
        </span>
        {live && <span className="room-cards" title="cards written in this room">{cards} {cards === 1 ? 'card' : 'cards'}</span>}
        {room.extraMs > 0 && <span className="room-extra" title="extra time for this room">+{Math.round(room.extraMs / 60_000)} min</span>}
      </div>
      {(room.topic || host || harvester) && (
        <p className="room-sub">
          {room.topic && <span>{room.topic}</span>}
          {host && <span>Host: {host}</span>}
          {harvester && <span>Harvester: {harvester}</span>}
        </p>
      )}
      {room.help && (
        <p className="room-help" role="status">
          Help: {byId.get(room.help.by)?.name ?? 'someone'} calls a facilitator{' '}
          <button className="small" onClick={() => void rooms.answerHelp(roundId, room.id)}>Answered</button>
        </p>
      )}
      <div className="room-people">
        {memberIds.length === 0 && <span className="muted">Nobody yet</span>}
        {memberIds.map((id) => <PersonChip key={id} id={id} member={byId.get(id)} picked={picked.has(id)} onPick={onPick} onDrag={onDrag} />)}
      </div>
      <div className="room-actions">
        {picked.size > 0 && <button className="small primary" onClick={() => onPlace(room.id)}>Move {picked.size} here</button>}
        {live && (
          <button className={lookingAt ? 'small on' : 'small'} aria-pressed={lookingAt} onClick={() => { showArea(area); scrollToBoard() }}>
            Look in
          </button>
        )}
        {live && <button className="small" title="Two more minutes for this room only" onClick={() => void rounds.extend(roundId, room.id, 120_000)}>+2 min</button>}
        <MeetingLink link={roomLink({ linkPattern }, room)} label="Call" />
        <button className="small link" onClick={() => setEditing(true)}>Edit</button>
        {!live && <button className="small link danger" onClick={() => void rooms.remove(roundId, room.id)}>Remove</button>}
      </div>
    </li>
  )
})
