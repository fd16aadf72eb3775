import { useState } from 'react'
import type { Card } from '@harvest/shared'
import { LIMITS } from '@harvest/shared'
import { removeCard, rewriteCard } from '../board/boardConnection'

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** One card. Its text is rendered as text, never as markup. */
export function CardView({ card, editable }: { card: Card; editable: boolean }) {
  const [draft, setDraft] = useState<string | null>(null)

  function save() {
    if (draft !== null && draft.trim()) rewriteCard(card.id, draft)
    setDraft(null)
  }

  return (
    <li className={`card card-${card.cityKind ?? 'other'}`} data-card-id={card.id}>
      {draft === null ? (
        <p className="card-text">{card.text}</p>
      ) : (
        <textarea
          className="card-edit"
          aria-label="Edit card"
          autoFocus
          maxLength={LIMITS.cardTextMax}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); save() }
            if (e.key === 'Escape') setDraft(null)
          }}
        />
      )}
      <footer className="card-meta">
        <span className="author">{card.authorName || 'Someone'}</span>
        {card.city && <span className="city">{card.city}{card.cityKind ? ` · ${card.cityKind}` : ''}</span>}
        <span className="time">{card.createdAt ? time.format(card.createdAt) : ''}</span>
        {editable && draft === null && (
          <span className="card-actions">
            <button className="link" onClick={() => setDraft(card.text)}>Edit</button>
            <button className="link danger" onClick={() => removeCard(card.id)}>Delete</button>
          </span>
        )}
      </footer>
    </li>
  )
}
