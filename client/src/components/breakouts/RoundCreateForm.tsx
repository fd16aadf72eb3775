import { useState, type FormEvent } from 'react'
import type { RoundMode } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'

/** A new round for the current breakout item: rooms the facilitator fills, or open space. */
export function RoundCreateForm({ itemId, onCreated, onCancel }: { itemId: string; onCreated(id: string): void; onCancel?(): void }) {
  const [mode, setMode] = useState<RoundMode>('assigned')
  const [proposersOpen, setProposersOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  async function create(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const created = await rounds.create({ itemId, mode, proposersOpen: mode === 'open_space' && proposersOpen, rooms: [] })
    setBusy(false)
    if (created.ok) onCreated(created.data.id)
  }

  return (
    <form className="round-create" aria-label="New breakout round" onSubmit={(e) => void create(e)}>
      <fieldset className="choice">
        <legend>New round</legend>
        <label><input type="radio" name="round-mode" checked={mode === 'assigned'} onChange={() => setMode('assigned')} /> Rooms I fill (by hand or spread)</label>
        <label><input type="radio" name="round-mode" checked={mode === 'open_space'} onChange={() => setMode('open_space')} /> Open space (people choose topics)</label>
      </fieldset>
      {mode === 'open_space' && (
        <label className="inline-check"><input type="checkbox" checked={proposersOpen} onChange={(e) => setProposersOpen(e.target.checked)} /> Proposers may open their own topic as a room</label>
      )}
      <span className="button-row">
        <button className="primary" disabled={busy}>Create round</button>
        {onCancel && <button type="button" className="link" onClick={onCancel}>Cancel</button>}
      </span>
    </form>
  )
}
