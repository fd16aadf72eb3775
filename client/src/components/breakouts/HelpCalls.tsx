import type { BreakoutRound, PresentMember } from '@harvest/shared'
import { roomArea, roomLink } from '@harvest/shared'
import { rooms } from '../../breakouts/breakoutCommands'
import { scrollToBoard, showArea } from '../../breakouts/showArea'
import { MeetingLink } from './MeetingLink'

/** Rooms calling for a facilitator, oldest call first, with the way there. */
export function HelpCalls({ round, byId }: { round: BreakoutRound; byId: ReadonlyMap<string, PresentMember> }) {
  const calls = round.rooms.filter((r) => r.help).sort((a, b) => a.help!.at - b.help!.at)
  if (calls.length === 0) return null
  return (
    <ul className="help-calls" aria-label="Help calls">
      {calls.map((room) => (
        <li key={room.id} role="alert">
          <span><span className="help-mark">Help</span> <strong>{room.name}</strong>: {byId.get(room.help!.by)?.name ?? 'someone'} calls a facilitator</span>
          <span className="button-row">
            <button className="small" onClick={() => { showArea(roomArea(round.id, room.id)); scrollToBoard() }}>Look in</button>
            <MeetingLink link={roomLink(round, room)} label="Go to the call" />
            <button className="small" onClick={() => void rooms.answerHelp(round.id, room.id)}>Answered</button>
          </span>
        </li>
      ))}
    </ul>
  )
}
