import { useMemo, useState } from 'react'
import type { Card } from '@harvest/shared'
import { BOARD_LIMITS } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { promotedSources } from '../../harvest/harvestEntries'
import { actingId } from '../../board/useBoardActor'
import { useBoardStore } from '../../stores/useBoardStore'
import { useHarvestStore } from '../../stores/useHarvestStore'
import { PatternItem } from './PatternItem'

/**
 * The patterns harvesters find: named groups of cards with the cities they came from. Curators
 * drop cards here (or on another card) to group them; everyone else reads along.
 */
export function PatternsPanel({ curate, harvest }: { curate: boolean; harvest: boolean }) {
  const patterns = useBoardStore((s) => s.patterns)
  const cards = useBoardStore((s) => s.cards)
  const entries = useHarvestStore((s) => s.entries)
  const [name, setName] = useState('')
  const promoted = useMemo(() => promotedSources(entries), [entries])
  const byPattern = useMemo(() => {
    const map = new Map<string, Card[]>()
    for (const card of cards) if (card.patternId) map.set(card.patternId, [...(map.get(card.patternId) ?? []), card])
    return map
  }, [cards])

  function create() {
    if (!name.trim()) return
    boardActions.createPattern(name, actingId())
    setName('')
  }

  return (
    <aside className="patterns-panel" aria-label="Patterns">
      <h2>Patterns <span className="count">{patterns.length}</span></h2>
      {curate && <p className="muted hint">Drag a card onto a pattern, or onto another card to start one.</p>}
      <ul className="pattern-list">
        {patterns.map((pattern) => (
          <PatternItem
            key={pattern.id}
            pattern={pattern}
            cards={byPattern.get(pattern.id) ?? []}
            others={patterns}
            curate={curate}
            harvest={harvest}
            promoted={promoted.has(pattern.id)}
          />
        ))}
      </ul>
      {curate && (
        <form className="new-pattern" onSubmit={(e) => { e.preventDefault(); create() }}>
          <input aria-label="New pattern name" placeholder="New pattern…" maxLength={BOARD_LIMITS.patternNameMax} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>Add</button>
        </form>
      )}
    </aside>
  )
}
