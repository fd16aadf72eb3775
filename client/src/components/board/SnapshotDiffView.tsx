import type { Card, SnapshotDiff } from '@harvest/shared'
import { KIND_LABELS } from '@harvest/shared'
import { boardCommands } from '../../board/boardCommands'

const line = (card: Card) => `${card.kind ? `${KIND_LABELS[card.kind]}: ` : ''}${card.text}`

/** What changed between a snapshot and now; a removed card can be put back on its own. */
export function SnapshotDiffView({ snapshotId, diff, onRestored }: { snapshotId: string; diff: SnapshotDiff; onRestored(): void }) {
  async function restore(card: Card) {
    if ((await boardCommands.restoreCard(snapshotId, card.id)).ok) onRestored()
  }
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0
  return (
    <div className="snapshot-diff">
      {none && <p className="muted">Nothing changed since this snapshot.</p>}
      {diff.removed.length > 0 && (
        <>
          <h3>Deleted since ({diff.removed.length})</h3>
          <ul>
            {diff.removed.map((card) => (
              <li key={card.id} className="diff-removed">
                <span>{line(card)}</span> <span className="muted">{card.authorName || 'anonymous'}{card.city ? `, ${card.city}` : ''}</span>
                <button className="link" onClick={() => void restore(card)}>Restore this card</button>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h3>Changed since ({diff.changed.length})</h3>
          <ul>
            {diff.changed.map(({ before, after }) => (
              <li key={after.id} className="diff-changed">
                <del>{line(before)}</del> → <ins>{line(after)}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.added.length > 0 && (
        <>
          <h3>Added since ({diff.added.length})</h3>
          <ul>{diff.added.map((card) => <li key={card.id} className="diff-added">{line(card)}</li>)}</ul>
        </>
      )}
    </div>
  )
}
