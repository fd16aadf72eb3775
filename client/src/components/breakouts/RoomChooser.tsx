import { memo } from 'react'
import type { BreakoutRound, Room } from '@harvest/shared'
import { rooms } from '../../breakouts/breakoutCommands'
import { seatsLeft } from '../../breakouts/roundView'
import { selectRoomMembers, useBreakoutStore } from '../../stores/useBreakoutStore'

/** Open space: every room with its topic and how full it is; choose one, or move (the law of two feet). */
export function RoomChooser({ round, currentId }: { round: BreakoutRound; currentId: string | null }) {
  if (round.rooms.length === 0) return <p className="muted">No rooms are open yet: the facilitator opens topics as rooms.</p>
  return (
    <section className="room-chooser" aria-label={currentId ? 'Move to another room' : 'Choose a room'}>
      <h3>{currentId ? 'Other rooms: move whenever you like' : 'Choose a room'}</h3>
      <ul>
        {round.rooms.map((room) => <ChoiceRow key={room.id} roundId={round.id} room={room} current={room.id === currentId} moving={currentId !== null} />)}
      </ul>
    </section>
  )
}

const ChoiceRow = memo(function ChoiceRow({ roundId, room, current, moving }: { roundId: string; room: Room; current: boolean; moving: boolean }) {
  const people = useBreakoutStore(selectRoomMembers(roundId, room.id)).length
  const left = seatsLeft(room.capacity, people)
  return (
    <li className={current ? 'choice-row current' : 'choice-row'} data-room={room.name}>
      <span className="choice-name"><strong>{room.name}</strong>{room.topic && <span className="choice-topic">{room.topic}</span>}</span>
      <span className={left === 0 ? 'room-count full' : 'room-count'} title={room.capacity === null ? 'no limit' : `${left} seats left`}>
        {people}{room.capacity !== null ? ` / ${room.capacity}` : ''} {people === 1 ? 'person' : 'people'}
      </span>
      {current ? (
        <span className="badge status-online">You are here</span>
      ) : (
        <button className="small" disabled={left === 0} onClick={() => void rooms.join(roundId, room.id)} aria-label={`${moving ? 'Move to' : 'Join'} ${room.name}`}>
          {left === 0 ? 'Full' : moving ? 'Move here' : 'Join'}
        </button>
      )}
    </li>
  )
})
