import { useState } from 'react'
import type { BreakoutRound, SpreadOptions } from '@harvest/shared'
import { BREAKOUT_LIMITS, describedRoomName, isParticipant } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'
import { proposalGroups, type Proposal } from '../../breakouts/proposal'
import { useSessionStore } from '../../stores/useSessionStore'
import { ProposalView } from './ProposalView'

/**
 * Spreads the participants online over rooms: into N rooms or rooms of about K people, mixing
 * pilot and twin cities, keeping a city's people together or apart. The proposal shows first;
 * nothing changes until the facilitator, after any adjustments, applies it.
 */
export function SpreadPanel({ round }: { round: BreakoutRound }) {
  const [by, setBy] = useState<'rooms' | 'size'>('rooms')
  const [amount, setAmount] = useState(Math.max(2, round.rooms.length) || 4)
  const [mixKinds, setMixKinds] = useState(true)
  const [sameCity, setSameCity] = useState<SpreadOptions['sameCity']>('apart')
  const [proposal, setProposal] = useState<Proposal | null>(null)
  const [seed, setSeed] = useState(() => Math.floor(Math.random() * 2 ** 31))
  const [busy, setBusy] = useState(false)
  // Names typed over the proposal's suggestions, by room position.
  const [names, setNames] = useState<Record<number, string>>({})
  const members = useSessionStore((s) => s.state?.members)
  const online = useSessionStore((s) => s.state?.members.filter((m) => isParticipant(m.role) && m.online).length ?? 0)

  async function propose(nextSeed = seed) {
    const n = Math.max(1, Math.min(by === 'rooms' ? BREAKOUT_LIMITS.roomsMax : 500, Math.round(amount) || 1))
    setBusy(true)
    const result = await rounds.spread({ roundId: round.id, by: by === 'rooms' ? { rooms: n } : { size: n }, mixKinds, sameCity, seed: nextSeed })
    setBusy(false)
    if (result.ok) {
      setProposal(result.data.groups)
      setNames({})
    }
  }

  async function apply() {
    if (!proposal) return
    setBusy(true)
    const done = await rounds.assign(round.id, proposalGroups(proposal, round.rooms.map((r) => r.id), roomNames))
    setBusy(false)
    if (done.ok) setProposal(null)
  }

  const cityOf = new Map((members ?? []).map((m) => [m.id, m.city]))
  // Existing rooms keep their names; new ones are named after their people's cities, editable.
  const roomNames = (proposal ?? []).map((group, i) => round.rooms[i]?.name ?? names[i] ?? describedRoomName(i + 1, group.map((id) => cityOf.get(id) ?? '')))

  return (
    <div className="spread-panel">
      <form className="spread-options" aria-label="Spread automatically" onSubmit={(e) => { e.preventDefault(); void propose() }}>
        <fieldset className="choice">
          <legend>Spread into</legend>
          <label><input type="radio" name="spread-by" checked={by === 'rooms'} onChange={() => setBy('rooms')} /> rooms</label>
          <label><input type="radio" name="spread-by" checked={by === 'size'} onChange={() => setBy('size')} /> rooms of about … people</label>
        </fieldset>
        <label className="narrow-field">{by === 'rooms' ? 'Number of rooms' : 'People per room'}
          <input type="number" min={1} max={by === 'rooms' ? BREAKOUT_LIMITS.roomsMax : 500} value={amount} onChange={(e) => setAmount(Number(e.target.value))} />
        </label>
        <label className="inline-check"><input type="checkbox" checked={mixKinds} onChange={(e) => setMixKinds(e.target.checked)} /> Mix pilot and twin cities in every room</label>
        <label>Same city
          <select value={sameCity} onChange={(e) => setSameCity(e.target.value as SpreadOptions['sameCity'])}>
            <option value="apart">apart (different rooms)</option>
            <option value="together">together (one room)</option>
            <option value="any">no rule</option>
          </select>
        </label>
        <button className="primary" disabled={busy || online === 0}>Propose</button>
        <span className="muted small-text">Spreads the {online} {online === 1 ? 'participant' : 'participants'} online now; people who join later go to the smallest room.</span>
      </form>
      {proposal && (
        <ProposalView
          proposal={proposal}
          roomNames={roomNames}
          editableFrom={round.rooms.length}
          onRename={(i, name) => setNames({ ...names, [i]: name })}
          busy={busy}
          onChange={setProposal}
          onApply={() => void apply()}
          onShuffle={() => { const next = seed + 1; setSeed(next); void propose(next) }}
          onDiscard={() => setProposal(null)}
        />
      )}
    </div>
  )
}
