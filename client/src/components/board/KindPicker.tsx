import type { CardKind } from '@harvest/shared'
import { KIND_LABELS } from '@harvest/shared'
import { kindHint } from '../../board/composerKeys'
import { kindClass } from '../../board/labels'

/** The kinds as chips, the current phase's first; click or Alt+digit picks one, again unpicks it. */
export function KindPicker({ order, phaseCount, value, onChange }: { order: readonly CardKind[]; phaseCount: number; value: CardKind | null; onChange(kind: CardKind | null): void }) {
  return (
    <div className="chip-row kind-picker" role="radiogroup" aria-label="Kind">
      {order.map((kind, i) => (
        <button
          key={kind}
          type="button"
          role="radio"
          aria-checked={value === kind}
          className={`chip kind-option ${kindClass(kind)}${value === kind ? ' on' : ''}${i >= phaseCount ? ' other-phase' : ''}`}
          title={`${KIND_LABELS[kind]} (${kindHint(i)})`}
          onClick={() => onChange(value === kind ? null : kind)}
        >
          {KIND_LABELS[kind]}
          <kbd>{kindHint(i).replace('Alt+', '')}</kbd>
        </button>
      ))}
    </div>
  )
}
