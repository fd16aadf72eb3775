import { boardCommands } from '../../board/boardCommands'

/** Dots on one card: own dots, everyone's when visible, and buttons to place or take back one. */
export function VoteDots({ cardId, mine, total, open, canAdd, canRemove }: { cardId: string; mine: number; total: number | null; open: boolean; canAdd: boolean; canRemove: boolean }) {
  return (
    <div className="vote-dots" aria-label="Dot vote">
      {open && (
        <>
          <button className="dot-btn" onClick={() => boardCommands.castVote(cardId, -1)} disabled={!canRemove} aria-label="Remove a dot">−</button>
          <span className="my-dots" title="Your dots on this card">
            {mine > 0 ? '●'.repeat(Math.min(mine, 10)) : <span className="muted">○</span>}
          </span>
          <button className="dot-btn" onClick={() => boardCommands.castVote(cardId, 1)} disabled={!canAdd} aria-label="Add a dot">+</button>
        </>
      )}
      {total !== null && <span className="vote-total" data-votes={total}>{total} {total === 1 ? 'dot' : 'dots'}</span>}
      {total === null && open && <span className="muted vote-hidden">results hidden</span>}
    </div>
  )
}
