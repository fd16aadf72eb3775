import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { CardKind, Phase } from '@harvest/shared'
import { CARD_KINDS, KIND_LABELS } from '@harvest/shared'
import { nextTabIndex } from '../../a11y/nextTabIndex'
import { inPhase, kindKey } from '../../board/composerKeys'
import { kindClass } from '../../board/labels'

const OPTIONS: (CardKind | null)[] = [...CARD_KINDS, null]
const ARROWS: Record<string, string> = { ArrowDown: 'ArrowRight', ArrowUp: 'ArrowLeft' }

/**
 * The kind of the card being written, one choice of eleven (the ten kinds, or unsorted). The
 * kinds stay in W³ order in every phase, so Alt+digit means one kind all session; the current
 * phase's kinds are highlighted. Clicking the chosen kind keeps it: choosing is not toggling.
 */
export function KindPicker({ phase, value, onChange }: { phase: Phase | null; value: CardKind | null; onChange(kind: CardKind | null): void }) {
  // Where the row scrolls sideways (a phone), the chosen kind is kept in sight: a new phase may choose one off screen.
  const row = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = row.current
    const chosen = el?.querySelector<HTMLElement>('[aria-checked="true"]')
    if (!el || !chosen || el.scrollWidth <= el.clientWidth) return
    const left = chosen.offsetLeft - el.offsetLeft
    if (left < el.scrollLeft || left + chosen.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = left - 8
  }, [value])

  // A radio group is one stop in the Tab order; the arrow keys move the choice, as in any form.
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const next = nextTabIndex(ARROWS[event.key] ?? event.key, OPTIONS.indexOf(value), OPTIONS.length)
    if (next === null) return
    event.preventDefault()
    onChange(OPTIONS[next] ?? null)
    event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')[next]?.focus()
  }

  return (
    <div ref={row} className="kind-picker" role="radiogroup" aria-label="Kind of this card" onKeyDown={onKeyDown}>
      <span className="picker-label" aria-hidden="true">Kind</span>
      {OPTIONS.map((kind) => {
        const on = value === kind
        const label = kind ? KIND_LABELS[kind] : 'Unsorted'
        return (
          <button
            key={kind ?? 'none'}
            type="button"
            role="radio"
            aria-checked={on}
            tabIndex={on ? 0 : -1}
            className={`kind-option ${kindClass(kind)}${on ? ' on' : ''}${kind && !inPhase(kind, phase) ? ' other-phase' : ' in-phase'}`}
            title={kind ? `${label} (${kindKey(kind)})` : 'File the card without a kind'}
            onClick={() => onChange(kind)}
          >
            {label}
            {kind && <kbd className="key-hint">{kindKey(kind).replace('Alt+', '')}</kbd>}
          </button>
        )
      })}
    </div>
  )
}
