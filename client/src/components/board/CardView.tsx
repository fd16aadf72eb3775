import { memo, useState, type DragEvent } from 'react'
import type { Card } from '@harvest/shared'
import { DOMAIN_LABELS, KIND_LABELS, LEVER_LABELS } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { harvestActions } from '../../harvest/harvestActions'
import { DOMAIN_SHORT, LEVER_SHORT, kindClass } from '../../board/labels'
import { actingId, actingName } from '../../board/useBoardActor'
import type { CardVote } from '../../board/voteMath'
import { CardEditor } from './CardEditor'
import { DRAG_CARD, dragging, startDrag } from './dragData'
import { VoteDots } from './VoteDots'
import { formatTime } from '../../time/formatDate'

/** Everything one card shows besides itself; plain values so unchanged cards skip re-rendering. */
export interface CardViewProps {
  card: Card
  canEdit: boolean
  canDelete: boolean
  canMove: boolean
  canGroup: boolean
  canPromote: boolean
  promoted: boolean
  patternName: string | null
  /** "Ana is editing…", or ''. */
  editors: string
  /** The area's name when several areas are shown at once. */
  areaName: string | null
  vote: CardVote | null
}

/** Props are plain values except the vote, compared field by field. */
function sameProps(a: CardViewProps, b: CardViewProps): boolean {
  for (const key of Object.keys(a) as (keyof CardViewProps)[]) {
    if (key === 'vote') {
      if (a.vote === b.vote) continue
      if (!a.vote || !b.vote) return false
      if ((Object.keys(a.vote) as (keyof CardVote)[]).some((k) => a.vote![k] !== b.vote![k])) return false
    } else if (a[key] !== b[key]) return false
  }
  return true
}

const LONG = 280

/** One card. Its text is rendered as text, never as markup. */
export const CardView = memo(function CardView(p: CardViewProps) {
  const { card } = p
  const [editing, setEditing] = useState(false)
  const [expanded, setExpanded] = useState(false)
  const [dropping, setDropping] = useState(false)

  if (editing) {
    return (
      <li className={`card editing ${kindClass(card.kind)}`} data-card-id={card.id}>
        <CardEditor card={card} canMove={p.canMove} onDone={() => setEditing(false)} />
      </li>
    )
  }
  const long = card.text.length > LONG
  const dropHandlers = p.canGroup && {
    onDragOver: (e: DragEvent) => {
      if (!dragging(e, DRAG_CARD)) return
      e.preventDefault()
      setDropping(true)
    },
    onDragLeave: () => setDropping(false),
    onDrop: (e: DragEvent) => {
      setDropping(false)
      const id = e.dataTransfer.getData(DRAG_CARD)
      if (id && id !== card.id) boardActions.groupCards(id, card.id, card.text, actingId())
    },
  }
  return (
    <li
      className={`card ${kindClass(card.kind)}${dropping ? ' drop-target' : ''}${p.editors ? ' being-edited' : ''}`}
      data-card-id={card.id}
      draggable={p.canGroup}
      onDragStart={p.canGroup ? (e) => startDrag(e, DRAG_CARD, card.id) : undefined}
      {...dropHandlers}
    >
      <div className="card-top">
        <span className="chip kind-chip">{card.kind ? KIND_LABELS[card.kind] : 'Unsorted'}</span>
        {p.patternName && <span className="chip pattern-chip" title="Pattern">◆ {p.patternName}</span>}
        {p.areaName && <span className="chip area-chip">{p.areaName}</span>}
      </div>
      <p className={long && !expanded ? 'card-text clamped' : 'card-text'}>{card.text}</p>
      {long && <button className="link more" onClick={() => setExpanded(!expanded)}>{expanded ? 'Show less' : 'Show all'}</button>}
      {(card.levers.length > 0 || card.domains.length > 0 || card.tags.length > 0) && (
        <div className="card-tags">
          {card.levers.map((l) => <span key={l} className="chip lever-chip" title={LEVER_LABELS[l]}>{LEVER_SHORT[l]}</span>)}
          {card.domains.map((d) => <span key={d} className="chip domain-chip" title={DOMAIN_LABELS[d]}>{DOMAIN_SHORT[d]}</span>)}
          {card.tags.map((t) => <span key={t} className="chip free-tag">#{t}</span>)}
        </div>
      )}
      {p.editors && <p className="editing-note" role="status">{p.editors}</p>}
      {p.vote && <VoteDots cardId={card.id} {...p.vote} />}
      <footer className="card-meta" title={card.createdAt ? `Written at ${formatTime(card.createdAt)}` : undefined}>
        {card.authorName && <span className="author">{card.authorName}</span>}
        {card.city && <span className="city" title={card.cityKind ? `${card.cityKind} city` : undefined}>{card.city}</span>}
        <span className="card-actions">
          {p.canEdit && <button className="card-icon" onClick={() => setEditing(true)} aria-label="Edit" title="Edit">✎</button>}
          {p.canGroup && card.patternId && <button className="card-icon" onClick={() => boardActions.assign(card.id, null)} aria-label="Ungroup" title="Take out of its pattern">⊘</button>}
          {p.canPromote && (p.promoted
            ? <span className="card-icon promoted" title="In the harvest" aria-label="In the harvest">★</span>
            : <button className="card-icon" onClick={() => harvestActions.promoteCard(card, actingName())} aria-label="To harvest" title="Promote to the harvest">☆</button>)}
          {p.canDelete && <button className="card-icon danger" onClick={() => boardActions.deleteCard(card.id)} aria-label="Delete" title="Delete (Ctrl+Z undoes)">✕</button>}
        </span>
      </footer>
    </li>
  )
}, sameProps)
