import { useEffect, useState } from 'react'
import type { AgendaItem, BreakoutRound } from '@harvest/shared'
import { PLENARY_AREA, roomArea } from '@harvest/shared'
import { showArea } from '../../breakouts/showArea'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { selectRoundMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { MyRoom } from './MyRoom'

/**
 * Harvesters (and observers) follow any room: one click shows its people, prompt and board
 * area; the arrows step to the next room. Back to the plenary when the rooms close.
 */
export function RoomSwitcher({ round, item, showPrompt }: { round: BreakoutRound; item: AgendaItem | undefined; showPrompt: boolean }) {
  const membership = useBreakoutStore(selectRoundMembers(round.id))
  const [followed, setFollowed] = useState<string | null>(null)
  const room = round.rooms.find((r) => r.id === followed) ?? null
  const index = room ? round.rooms.indexOf(room) : -1

  function follow(id: string) {
    setFollowed(id)
    showArea(roomArea(round.id, id))
  }
  useEffect(() => () => {
    if (useBoardViewStore.getState().chosenArea.startsWith(`room:${round.id}:`)) showArea(PLENARY_AREA)
  }, [round.id])

  return (
    <section className="room-switcher" aria-label="Follow a room">
      <div className="switcher-bar">
        <span className="muted small-text">Follow a room:</span>
        <button className="small" disabled={round.rooms.length === 0} aria-label="Previous room" onClick={() => follow(round.rooms[(index - 1 + round.rooms.length) % round.rooms.length]!.id)}>←</button>
        <button className="small" disabled={round.rooms.length === 0} aria-label="Next room" onClick={() => follow(round.rooms[(index + 1) % round.rooms.length]!.id)}>→</button>
        <div className="switcher-rooms">
          {round.rooms.map((r) => (
            <button key={r.id} className={r.id === followed ? 'area-tab on' : 'area-tab'} aria-pressed={r.id === followed} onClick={() => follow(r.id)}
              aria-label={`${r.name}, ${membership[r.id]?.length ?? 0} people`}>
              {r.name} <span className="tab-count">{membership[r.id]?.length ?? 0}</span>
            </button>
          ))}
        </div>
      </div>
      {room && <MyRoom round={round} room={room} item={item} label="Following" showPrompt={showPrompt} />}
    </section>
  )
}
