import { boardCommands } from '../../board/boardCommands'
import type { CardVote } from '../../board/voteMath'

/** Dots on one card: own dots, everyone's when visible, and buttons to place or take back one. */
export function VoteDots({ cardId, mine, total, open, voter, canAdd, canRemove }: CardVote & { cardId: string }) {
  if (total === null && !(open && voter)) return null
  return (
    <div className="vote-dots" aria-label="Dot vote">
      {open && voter && (
        <>
          <button className="dot-btn" onClick={() => boardCommands.castVote(cardId, -1)} disabled={!canRemove} aria-label="Remove a dot">−</button>
          <span className="my-dots" title="Your dots on this card">
            {mine > 0 ? '●'.repeat(Math.min(mine, 10)) : <span className="muted">○</span>}
          </span>
          <button className="dot-btn" onClick={() => boardCommands.castVote(cardId, 1)} disabled={!canAdd} aria-label="Add a dot">+</button>
        </>
      )}
      {total !== null && <span className="vote-total" data-votes={total}>{total} {total === 1 ? 'dot' : 'dots'}</span>}
    </div>
  )
}
