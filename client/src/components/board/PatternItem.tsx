import { useState, type DragEvent } from 'react'
import type { Card, Pattern } from '@harvest/shared'
import { BOARD_LIMITS, KIND_LABELS, patternCities } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { harvestActions } from '../../harvest/harvestActions'
import { actingName } from '../../board/useBoardActor'
import { DRAG_CARD, DRAG_PATTERN, dragging, startDrag } from './dragData'

/** One pattern: its name, the cities behind it, its cards; a drop target for cards and patterns. */
export function PatternItem({ pattern, cards, others, curate, harvest, promoted }: {
  pattern: Pattern
  cards: Card[]
  others: Pattern[]
  curate: boolean
  harvest: boolean
  promoted: boolean
}) {
  const [name, setName] = useState<string | null>(null)
  const [over, setOver] = useState(false)
  const cities = patternCities(cards)

  function rename() {
    if (name !== null && name.trim() && name !== pattern.name) boardActions.renamePattern(pattern.id, name)
    setName(null)
  }

  function merge(fromId: string) {
    const from = others.find((p) => p.id === fromId)
    if (from && fromId !== pattern.id && confirm(`Merge “${from.name}” into “${pattern.name}”?`)) boardActions.mergePatterns(fromId, pattern.id)
  }

  const drop = curate && {
    onDragOver: (e: DragEvent) => {
      if (!dragging(e, DRAG_CARD) && !dragging(e, DRAG_PATTERN)) return
      e.preventDefault()
      setOver(true)
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault()
      setOver(false)
      const cardId = e.dataTransfer.getData(DRAG_CARD)
      if (cardId) return void boardActions.assign(cardId, pattern.id)
      const patternId = e.dataTransfer.getData(DRAG_PATTERN)
      if (patternId) merge(patternId)
    },
  }

  return (
    <li className={over ? 'pattern drop-target' : 'pattern'} data-pattern-id={pattern.id} {...drop}>
      <div className="pattern-head" draggable={curate} onDragStart={curate ? (e) => startDrag(e, DRAG_PATTERN, pattern.id) : undefined}>
        {name === null ? (
          <h3 className="pattern-name">{pattern.name}</h3>
        ) : (
          <input aria-label="Pattern name" autoFocus maxLength={BOARD_LIMITS.patternNameMax} value={name} onChange={(e) => setName(e.target.value)} onBlur={rename}
            onKeyDown={(e) => { if (e.key === 'Enter') rename(); if (e.key === 'Escape') setName(null) }} />
        )}
        <span className="count">{cards.length}</span>
      </div>
      <p className="pattern-cities">{cities.length > 0 ? cities.join(' · ') : <span className="muted">no cities yet</span>}</p>
      <ul className="pattern-cards">
        {cards.map((c) => (
          <li key={c.id} title={c.text}>
            <span className="pc-kind">{c.kind ? KIND_LABELS[c.kind] : 'Unsorted'}</span> {c.text.length > 90 ? `${c.text.slice(0, 90)}…` : c.text}
            {curate && <button className="link" aria-label="Take out of the pattern" onClick={() => boardActions.assign(c.id, null)}>×</button>}
          </li>
        ))}
      </ul>
      {(curate || harvest) && (
        <div className="pattern-actions">
          {curate && <button className="link" onClick={() => setName(pattern.name)}>Rename</button>}
          {curate && others.length > 1 && (
            <select aria-label={`Merge into ${pattern.name}`} value="" onChange={(e) => e.target.value && merge(e.target.value)}>
              <option value="">Merge in…</option>
              {others.filter((p) => p.id !== pattern.id).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          )}
          {curate && <button className="link danger" onClick={() => confirm(`Delete the pattern “${pattern.name}”? Its cards stay on the board.`) && boardActions.deletePattern(pattern.id)}>Delete</button>}
          {harvest && (promoted
            ? <span className="promoted">✓ In harvest</span>
            : <button className="link" onClick={() => harvestActions.promotePattern(pattern, cards, actingName())}>To harvest</button>)}
        </div>
      )}
    </li>
  )
}
