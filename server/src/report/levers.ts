import type { City, LeverSection } from '@harvest/shared'
import { LEVER_LABELS, LEVERS } from '@harvest/shared'
import type { CardIndex } from './attribution'
import { orderCities } from './cityOrder'
import type { Promoted } from './entries'

/**
 * One section per lever of change that anything names, the most named first (ties in the
 * programme's lever order), so the levers the session talked about most lead.
 */
export function leverSections(index: CardIndex, promoted: readonly Promoted[], cities: readonly City[]): LeverSection[] {
  return LEVERS.map<LeverSection>((lever) => {
    const cards = index.cards.filter((c) => c.levers.includes(lever))
    const entries = promoted.filter((p) => p.entry.levers.includes(lever)).map((p) => p.entry)
    return {
      lever,
      label: LEVER_LABELS[lever],
      count: cards.length + entries.length,
      cities: orderCities([...cards.map((c) => c.city), ...entries.flatMap((e) => e.cities)], cities).filter(Boolean),
      entries,
      cards,
    }
  })
    .filter((section) => section.count > 0)
    .sort((a, b) => b.count - a.count || LEVERS.indexOf(a.lever) - LEVERS.indexOf(b.lever))
}
