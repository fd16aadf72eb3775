import { useMemo } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { roomArea } from '@harvest/shared'
import { cardsPerArea, cardsPerRoom } from '../../breakouts/roundView'
import { scrollToBoard, showArea } from '../../breakouts/showArea'
import { useBoardStore } from '../../stores/useBoardStore'

/** A closed round: its rooms and the cards they left on the board, each a click away. */
export function ClosedSummary({ round }: { round: BreakoutRound }) {
  const cards = useBoardStore((s) => s.cards)
  const counts = useMemo(() => cardsPerRoom(round, cardsPerArea(cards)), [round, cards])
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  return (
    <div className="closed-summary">
      <p>
        <span className="badge">Closed</span> {round.rooms.length} rooms wrote {total} {total === 1 ? 'card' : 'cards'}; they stay on the board under each room’s tab.
      </p>
      <ul className="closed-rooms">
        {round.rooms.map((room) => (
          <li key={room.id}>
            <button className="small" onClick={() => { showArea(roomArea(round.id, room.id)); scrollToBoard() }}>
              {room.name} <span className="tab-count">{counts[room.id] ?? 0}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
