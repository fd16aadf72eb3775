import { useCallback, useMemo, useState } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { isParticipant, roomArea } from '@harvest/shared'
import { rooms, rounds } from '../../breakouts/breakoutCommands'
import { cardsPerArea, cardsPerRoom, unassigned } from '../../breakouts/roundView'
import { useMembers } from '../../breakouts/useMembers'
import { useBoardStore } from '../../stores/useBoardStore'
import { useMemberDrop } from '../../breakouts/useMemberDrop'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { selectRoundMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { PersonChip } from './PersonChip'
import { RoomTile } from './RoomTile'

/**
 * Every room of a round at once, and the people in no room. Pick people (click their names),
 * then "Move here" on a room: before the round opens this assigns them, while it runs it moves
 * them, and everyone's screen follows. Dragging one person's name onto a room (or back to the
 * pool) moves just them; picking stays the way to do it from the keyboard.
 */
export function RoomsBoard({ round, live }: { round: BreakoutRound; live: boolean }) {
  const { list, byId } = useMembers()
  const membership = useBreakoutStore(selectRoundMembers(round.id))
  const cards = useBoardStore((s) => s.cards)
  const shownArea = useBoardViewStore((s) => s.chosenArea)
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const counts = useMemo(() => cardsPerRoom(round, cardsPerArea(cards)), [round, cards])
  // Before opening, anyone who joined can be placed; while running, those online and in no room.
  const waiting = useMemo(() => {
    if (live) return unassigned(list, membership)
    const placed = new Set(Object.values(membership).flat())
    return list.filter((m) => isParticipant(m.role) && !placed.has(m.id)).sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name))
  }, [list, membership, live])

  const onPick = useCallback((id: string) => setPicked((s) => {
    const next = new Set(s)
    if (!next.delete(id)) next.add(id)
    return next
  }), [])
  const onPlace = useCallback(async (roomId: string | null) => {
    const ids = [...picked]
    setPicked(new Set())
    if (!live && roomId) await rounds.assign(round.id, [{ roomId, memberIds: ids }])
    else for (const id of ids) await rooms.move(round.id, id, roomId)
  }, [picked, live, round.id])
  const place = useCallback((roomId: string) => void onPlace(roomId), [onPlace])

  const [dragged, setDragged] = useState<string | null>(null)
  const moveOne = useCallback((memberId: string, roomId: string | null) => {
    // The chip may leave the page with the move before its dragend arrives.
    setDragged(null)
    setPicked((s) => {
      if (!s.has(memberId)) return s
      const next = new Set(s)
      next.delete(memberId)
      return next
    })
    void rooms.move(round.id, memberId, roomId)
  }, [round.id])
  const poolDrop = useMemberDrop(dragged !== null && !waiting.some((m) => m.id === dragged), (memberId) => moveOne(memberId, null))

  return (
    <div className="rooms-board">
      <section className={`people-pool${poolDrop.over ? ' dropping' : ''}`} aria-label={live ? 'People in no room' : 'People not yet in a room'} {...poolDrop.props}>
        <h3>{live ? (round.mode === 'open_space' ? 'Choosing a room' : 'Unassigned') : 'Not in a room yet'} <span className="count">{waiting.length}</span></h3>
        <div className="room-people">
          {waiting.length === 0 && <span className="muted">{live ? 'Everyone online is in a room.' : 'Everyone who joined is in a room.'}</span>}
          {waiting.map((m) => <PersonChip key={m.id} id={m.id} member={m} picked={picked.has(m.id)} onPick={onPick} onDrag={setDragged} />)}
        </div>
        {picked.size === 0 && round.rooms.length > 0 && (
          <p className="drag-hint muted">Drag a name onto a room to move that person, or click names to pick several.</p>
        )}
        {picked.size > 0 && (
          <p className="pick-bar">
            {picked.size} picked: choose “Move {picked.size} here” on a room.{' '}
            <button className="small" onClick={() => void onPlace(null)}>Take out of rooms</button>{' '}
            <button className="small link" onClick={() => setPicked(new Set())}>Clear</button>
          </p>
        )}
      </section>
      <ul className="room-grid" aria-label="Rooms">
        {round.rooms.map((room) => (
          <RoomTile key={room.id} roundId={round.id} room={room} live={live} cards={counts[room.id] ?? 0} byId={byId}
            picked={picked} onPick={onPick} onPlace={place} dragged={dragged} onDrag={setDragged} onDropMember={moveOne} lookingAt={shownArea === roomArea(round.id, room.id)} />
        ))}
      </ul>
      {round.rooms.length === 0 && <p className="muted">No rooms yet.</p>}
    </div>
  )
}
