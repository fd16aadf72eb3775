import type { BreakoutRound } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'
import { roundName } from '../../breakouts/roundView'
import { useRounds } from '../../breakouts/useLiveRound'
import { useBreakoutStore } from '../../stores/useBreakoutStore'

/** Starts this round with the groups of an earlier one: the same rooms, hosts and people. */
export function ReusePanel({ round }: { round: BreakoutRound }) {
  const all = useRounds()
  const membership = useBreakoutStore((s) => s.membership)
  const people = (r: BreakoutRound) => Object.values(membership[r.id] ?? {}).reduce((n, ids) => n + ids.length, 0)
  const earlier = all.filter((r) => r.id !== round.id && r.rooms.length > 0)
  if (earlier.length === 0) return <p className="muted">No earlier round with rooms to reuse.</p>
  return (
    <ul className="reuse-list">
      {earlier.map((r) => (
        <li key={r.id}>
          <strong>{roundName(all, r)}</strong>{' '}
          <span className="muted">{r.rooms.length} rooms · {people(r)} people · {r.rooms.map((room) => room.name).join(', ')}</span>{' '}
          <button className="small" onClick={() => void rounds.reuse(round.id, r.id)}>Reuse these groups</button>
        </li>
      ))}
    </ul>
  )
}
