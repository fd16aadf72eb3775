import { useState } from 'react'
import { boardCommands } from '../../board/boardCommands'
import { ALL_AREAS } from '../../board/cardFilters'
import { dotsLeft, voteSummary } from '../../board/voteMath'
import { useBoardSessionStore } from '../../stores/useBoardSessionStore'

/**
 * The dot vote: what it covers, how many dots this person has left, and for the facilitator
 * the controls to open one over an area (live or hidden results) and to close it.
 */
export function VoteBar({ area, areaName, areaLabel, moderate, mayVote }: {
  area: string
  areaName: string
  areaLabel(id: string): string
  moderate: boolean
  mayVote: boolean
}) {
  const vote = useBoardSessionStore((s) => s.vote)
  const [opening, setOpening] = useState(false)
  const [budget, setBudget] = useState(3)
  const [hidden, setHidden] = useState(false)
  const [scope, setScope] = useState<'area' | 'all'>('area')
  const open = vote?.status === 'open'

  async function start() {
    const target = scope === 'all' || area === ALL_AREAS ? null : area
    if ((await boardCommands.openVote(target, budget, hidden)).ok) setOpening(false)
  }

  if (!vote && !moderate) return null
  // A closed vote is over for those who only voted: it folds to one quiet line, its result a click away.
  if (vote && !open && !moderate) {
    return (
      <details className="vote-bar folded">
        <summary>Dot vote closed</summary>
        <span className="vote-summary">{voteSummary(vote, vote.area ? areaLabel(vote.area) : '')}</span>
      </details>
    )
  }
  return (
    <div className={open ? 'vote-bar open' : 'vote-bar'} aria-label="Dot vote">
      {vote && <span className="vote-summary">{voteSummary(vote, vote.area ? areaLabel(vote.area) : '')}</span>}
      {open && mayVote && (
        <strong className="dots-left" data-left={dotsLeft(vote)}>
          {dotsLeft(vote)} of {vote.budget} dots left
        </strong>
      )}
      {moderate && open && <button onClick={() => void boardCommands.closeVote()}>Close the vote</button>}
      {moderate && !open && !opening && <button onClick={() => setOpening(true)}>{vote ? 'New dot vote…' : 'Open a dot vote…'}</button>}
      {moderate && !open && opening && (
        <form className="vote-form" onSubmit={(e) => { e.preventDefault(); void start() }}>
          <select aria-label="Vote over" value={area === ALL_AREAS ? 'all' : scope} onChange={(e) => setScope(e.target.value as 'area' | 'all')}>
            {area !== ALL_AREAS && <option value="area">{areaName}</option>}
            <option value="all">The whole board</option>
          </select>
          <label>
            Dots each <input type="number" aria-label="Dots per person" min={1} max={20} value={budget} onChange={(e) => setBudget(Math.min(20, Math.max(1, Number(e.target.value) || 1)))} />
          </label>
          <label className="inline-check">
            <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} /> Hide results until closed
          </label>
          <button type="submit" className="primary">Open vote</button>
          <button type="button" className="link" onClick={() => setOpening(false)}>Cancel</button>
        </form>
      )}
    </div>
  )
}
