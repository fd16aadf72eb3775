import { can } from '@harvest/shared'
import { useBoardStore } from '../stores/useBoardStore'
import { selectMe, useSessionStore } from '../stores/useSessionStore'
import { CardComposer } from './CardComposer'
import { CardView } from './CardView'

/** The shared board of the session: everybody's cards, live. */
export function Board() {
  const cards = useBoardStore((s) => s.cards)
  const status = useBoardStore((s) => s.status)
  const refusal = useBoardStore((s) => s.refusal)
  const role = useSessionStore((s) => s.state?.you.role ?? 'observer')
  const me = useSessionStore(selectMe)
  const canWrite = me !== null && can(role, 'board:write')
  const curates = role === 'facilitator' || role === 'harvester'

  return (
    <section className="board" aria-label="Shared board">
      <div className="board-head">
        <h2>Board <span className="count">{cards.length} {cards.length === 1 ? 'card' : 'cards'}</span></h2>
        {status === 'connecting' && <span className="muted">Loading the board…</span>}
        {status === 'offline' && <span className="badge status-offline">Board offline: your cards are kept and sent on reconnect</span>}
        {status === 'refused' && <span className="error" role="alert">Board refused: {refusal}</span>}
      </div>
      {canWrite && me ? (
        <CardComposer author={me} />
      ) : (
        <p className="readonly-note">{me ? 'You are observing: the board is read-only for you.' : 'You are watching as a guest: the board is read-only.'}</p>
      )}
      {cards.length === 0 && status === 'synced' && <p className="empty">No cards yet. The first thought is the hardest: write it down.</p>}
      <ul className="cards">
        {cards.map((card) => (
          <CardView key={card.id} card={card} editable={canWrite && (curates || card.authorId === me?.id)} />
        ))}
      </ul>
    </section>
  )
}
