import { useState } from 'react'
import { BREAKOUT_LIMITS } from '@harvest/shared'
import { moveInProposal, type Proposal } from '../../breakouts/proposal'
import { useMembers } from '../../breakouts/useMembers'
import { PersonChip } from './PersonChip'

/**
 * A spread proposal to look over and adjust: pick a person, then "Move here" on another room.
 * Each room shows its pilots, twins and any city that appears twice.
 */
export function ProposalView({ proposal, roomNames, editableFrom, onRename, busy, onChange, onApply, onShuffle, onDiscard }: {
  proposal: Proposal
  roomNames: readonly string[]
  /** Rooms from this position on are new: their names can be changed before applying. */
  editableFrom: number
  onRename(index: number, name: string): void
  busy: boolean
  onChange(next: Proposal): void
  onApply(): void
  onShuffle(): void
  onDiscard(): void
}) {
  const { byId } = useMembers()
  const [picked, setPicked] = useState<string | null>(null)
  const people = proposal.reduce((sum, g) => sum + g.length, 0)

  return (
    <section className="proposal" aria-label="Proposal">
      <p className="proposal-head">
        <strong>Proposal:</strong> {people} people in {proposal.length} rooms. Click a name, then “Move here” to adjust.
        <span className="button-row">
          <button className="primary" disabled={busy} onClick={onApply}>Apply this proposal</button>
          <button disabled={busy} onClick={onShuffle}>Shuffle again</button>
          <button className="link" onClick={onDiscard}>Discard</button>
        </span>
      </p>
      <ol className="room-grid proposal-grid">
        {proposal.map((group, i) => {
          const members = group.map((id) => byId.get(id))
          const cities = members.map((m) => m?.city.trim().toLowerCase() ?? '')
          const twice = new Set(cities.filter((c, j) => c && cities.indexOf(c) !== j))
          return (
            <li key={i} className="room-tile">
              <div className="room-tile-head">
                {i >= editableFrom ? (
                  <input className="inline-edit room-name" aria-label={`Name of room ${i + 1}`} value={roomNames[i] ?? ''} maxLength={BREAKOUT_LIMITS.roomNameMax}
                    onChange={(e) => onRename(i, e.target.value)} />
                ) : (
                  <strong className="room-name">{roomNames[i] ?? `Room ${i + 1}`}</strong>
                )}
                <span className="room-count">{group.length}</span>
                <span className="muted small-text">
                  {members.filter((m) => m?.cityKind === 'pilot').length} pilot · {members.filter((m) => m?.cityKind === 'twin').length} twin
                  {twice.size > 0 && <span className="warn"> · same city twice</span>}
                </span>
              </div>
              <div className="room-people">
                {group.map((id) => <PersonChip key={id} id={id} member={byId.get(id)} picked={picked === id} onPick={(p) => setPicked(picked === p ? null : p)} />)}
              </div>
              {picked && !group.includes(picked) && (
                <div className="room-actions">
                  <button className="small primary" onClick={() => { onChange(moveInProposal(proposal, picked, i)); setPicked(null) }}>Move here</button>
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
