import type { Lever } from '@harvest/shared'
import { LEVERS, LEVER_LABELS } from '@harvest/shared'
import { isFiltered } from '../../board/cardFilters'
import { useBoardViewStore } from '../../stores/useBoardViewStore'

/** Filters by city and lever, a text search, and ordering by votes once results are visible. */
export function FilterBar({ cities, shown, total, votesVisible }: { cities: string[]; shown: number; total: number; votesVisible: boolean }) {
  const filter = useBoardViewStore((s) => s.filter)
  const setFilter = useBoardViewStore((s) => s.setFilter)
  const clearFilter = useBoardViewStore((s) => s.clearFilter)
  const byVotes = useBoardViewStore((s) => s.byVotes)
  const setByVotes = useBoardViewStore((s) => s.setByVotes)
  const compact = useBoardViewStore((s) => s.compact)
  const setCompact = useBoardViewStore((s) => s.setCompact)

  return (
    <div className="filter-bar">
      <input
        type="search"
        aria-label="Search cards"
        placeholder="Search cards…"
        value={filter.search}
        onChange={(e) => setFilter({ search: e.target.value })}
      />
      <select aria-label="City" value={filter.city ?? ''} onChange={(e) => setFilter({ city: e.target.value || null })}>
        <option value="">All cities</option>
        {cities.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <select aria-label="Lever" value={filter.lever ?? ''} onChange={(e) => setFilter({ lever: (e.target.value || null) as Lever | null })}>
        <option value="">All levers</option>
        {LEVERS.map((l) => <option key={l} value={l}>{LEVER_LABELS[l]}</option>)}
      </select>
      {votesVisible && (
        <label className="inline-check">
          <input type="checkbox" checked={byVotes} onChange={(e) => setByVotes(e.target.checked)} /> Most dots first
        </label>
      )}
      <label className="inline-check" title="Two lines per card, to scan a large board">
        <input type="checkbox" checked={compact} onChange={(e) => setCompact(e.target.checked)} /> Compact
      </label>
      <span className="muted shown-count">{shown === total ? `${total} ${total === 1 ? 'card' : 'cards'}` : `${shown} of ${total} ${total === 1 ? 'card' : 'cards'}`}</span>
      {isFiltered(filter) && <button className="link" onClick={clearFilter}>Clear filters</button>}
    </div>
  )
}
