import { KIND_LABELS } from '@harvest/shared'
import { KIND_KEYS, type KindKey } from '../../board/cardFilters'
import { kindClass } from '../../board/labels'
import { useBoardViewStore } from '../../stores/useBoardViewStore'

/** A count per kind, always visible; clicking a kind shows only that kind (several may be picked). Styled as a filter, unlike the composer's kind picker. */
export function KindBar({ counts }: { counts: Record<KindKey, number> }) {
  const picked = useBoardViewStore((s) => s.filter.kinds)
  const setFilter = useBoardViewStore((s) => s.setFilter)
  const toggle = (kind: KindKey) => setFilter({ kinds: picked.includes(kind) ? picked.filter((k) => k !== kind) : [...picked, kind] })

  return (
    <div className="kind-bar" role="group" aria-label="Cards per kind">
      <span className="bar-label" aria-hidden="true">Cards</span>
      {KIND_KEYS.map((kind) => {
        const n = counts[kind]
        if (kind === 'none' && n === 0) return null
        return (
          <button
            key={kind}
            type="button"
            className={`kind-count ${kindClass(kind === 'none' ? null : kind)}${picked.includes(kind) ? ' on' : ''}${n === 0 ? ' zero' : ''}`}
            aria-pressed={picked.includes(kind)}
            data-kind={kind}
            onClick={() => toggle(kind)}
          >
            <span className="kind-n">{n}</span>
            <span className="kind-name">{kind === 'none' ? 'Unsorted' : KIND_LABELS[kind]}</span>
          </button>
        )
      })}
    </div>
  )
}
