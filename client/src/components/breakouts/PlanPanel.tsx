import { useState, type FormEvent } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { LIMITS } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'
import { withPlan, withoutPlan } from '../../breakouts/proposal'

/**
 * Rooms planned before people arrive: a person's name or a city goes to a room, and whoever
 * matches is placed there as they join (a name wins over a city).
 */
export function PlanPanel({ round }: { round: BreakoutRound }) {
  const [key, setKey] = useState('')
  const [roomId, setRoomId] = useState(round.rooms[0]?.id ?? '')
  const entries = Object.entries(round.planned).sort(([a], [b]) => a.localeCompare(b))
  const roomName = (id: string) => round.rooms.find((r) => r.id === id)?.name ?? 'a removed room'
  const target = round.rooms.some((r) => r.id === roomId) ? roomId : (round.rooms[0]?.id ?? '')

  async function add(event: FormEvent) {
    event.preventDefault()
    if (!key.trim() || !target) return
    if ((await rounds.plan(round.id, withPlan(round.planned, key, target))).ok) setKey('')
  }

  if (round.rooms.length === 0) return <p className="muted">Add rooms first, then plan who goes where.</p>
  return (
    <div className="plan-panel">
      <form className="row" aria-label="Plan a room" onSubmit={(e) => void add(e)}>
        <label>Name or city<input value={key} maxLength={LIMITS.cityMax} onChange={(e) => setKey(e.target.value)} placeholder="e.g. Galway or Ana Lopez" /></label>
        <label>Room
          <select value={target} onChange={(e) => setRoomId(e.target.value)}>
            {round.rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <button className="primary" disabled={!key.trim()}>Plan</button>
      </form>
      {entries.length === 0 ? (
        <p className="muted">Nothing planned. People who join while the rooms are open go {round.mode === 'assigned' ? 'to the smallest room' : 'to the marketplace to choose'}.</p>
      ) : (
        <ul className="plan-list">
          {entries.map(([who, id]) => (
            <li key={who}>
              <span className="plan-key">{who}</span> → {roomName(id)}
              <button className="small link danger" aria-label={`Unplan ${who}`} onClick={() => void rounds.plan(round.id, withoutPlan(round.planned, who))}>remove</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
