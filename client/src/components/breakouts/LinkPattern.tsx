import { useState, type FormEvent } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { BREAKOUT_LIMITS, ROOM_PLACEHOLDER, applyLinkPattern, isLinkPattern, roomLink } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'

/**
 * One meeting link for every room of the round, `{room}` standing for the room's name, so thirty
 * rooms need one paste instead of thirty; and a warning while some rooms have no link at all.
 */
export function LinkPattern({ round }: { round: BreakoutRound }) {
  const saved = round.linkPattern ?? ''
  const [draft, setDraft] = useState<string | null>(null)
  const value = draft ?? saved
  const typed = value.trim()
  const valid = typed === '' || isLinkPattern(typed)
  const missing = round.rooms.filter((room) => !roomLink(round, room))
  const example = round.rooms[0]?.name ?? 'Room 1'

  async function save(event: FormEvent) {
    event.preventDefault()
    if (!valid) return
    if ((await rounds.linkPattern(round.id, typed || null)).ok) setDraft(null)
  }

  return (
    <div className="link-pattern">
      {missing.length > 0 && round.rooms.length > 0 && (
        <p className="warn link-warning" role="status">
          {missing.length === round.rooms.length ? `No room has a meeting link yet` : `${missing.length} of ${round.rooms.length} rooms have no meeting link`}
          {': '}
          {missing.slice(0, 3).map((r) => r.name).join(', ')}{missing.length > 3 ? ` and ${missing.length - 3} more` : ''}.
        </p>
      )}
      <form className="link-pattern-form" aria-label="Meeting link for every room" onSubmit={(e) => void save(e)}>
        <label className="inline-label grow">
          Meeting link for every room
          <input value={value} maxLength={BREAKOUT_LIMITS.linkMax} placeholder={`https://meet.example.org/cluster4-${ROOM_PLACEHOLDER}`}
            aria-invalid={!valid} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button className="small primary" disabled={!valid || typed === saved}>Save</button>
        {saved && <button type="button" className="small link" onClick={() => { setDraft(null); void rounds.linkPattern(round.id, null) }}>Remove</button>}
      </form>
      {!valid ? (
        <p className="error small-text" role="alert">The link must be a full http:// or https:// address; {ROOM_PLACEHOLDER} stands for the room’s name.</p>
      ) : (
        typed && <p className="muted small-text">“{example}” opens {applyLinkPattern(typed, example)}. A room’s own link wins.</p>
      )}
    </div>
  )
}
