import { useState } from 'react'
import type { Draft } from '@harvest/shared'
import { KIND_LABELS, LIMITS } from '@harvest/shared'
import { boardCommands } from '../../board/boardCommands'
import { kindClass } from '../../board/labels'
import { useBoardSessionStore } from '../../stores/useBoardSessionStore'

/** This person's private cards while private writing is on: only they see them, until revealed. */
export function DraftsList() {
  const drafts = useBoardSessionStore((s) => s.drafts)
  return (
    <section className="drafts" aria-label="Your private cards">
      <h3>Your private cards ({drafts.length})</h3>
      {drafts.length === 0 ? (
        <p className="muted">Nothing yet. What you write now stays private until the facilitator reveals everyone's cards at once.</p>
      ) : (
        <ul className="draft-list">{drafts.map((d) => <DraftItem key={d.id} draft={d} />)}</ul>
      )}
    </section>
  )
}

function DraftItem({ draft }: { draft: Draft }) {
  const [text, setText] = useState<string | null>(null)

  async function save() {
    if (text === null) return
    if (text.trim() && text !== draft.text) await boardCommands.saveDraft({ ...draft, text })
    setText(null)
  }

  return (
    <li className={`draft ${kindClass(draft.kind)}`}>
      <span className="chip kind-chip">{draft.kind ? KIND_LABELS[draft.kind] : 'Unsorted'}</span>
      {text === null ? (
        <p className="card-text">{draft.text}</p>
      ) : (
        <textarea
          aria-label="Edit private card"
          autoFocus
          maxLength={LIMITS.cardTextMax}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void save() }
            if (e.key === 'Escape') setText(null)
          }}
        />
      )}
      {text === null && (
        <span className="card-actions">
          <button className="link" onClick={() => setText(draft.text)}>Edit</button>
          <button className="link danger" onClick={() => void boardCommands.deleteDraft(draft.id)}>Delete</button>
        </span>
      )}
    </li>
  )
}
