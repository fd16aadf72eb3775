import type { CityCards, City, KindSection, Pattern, Phase, ReportPattern } from '@harvest/shared'
import { CARD_KINDS, KIND_LABELS, KIND_PHASE } from '@harvest/shared'
import type { CardIndex } from './attribution'
import { byAge } from './attribution'
import { distinctCities, groupByCity } from './cityOrder'
import type { Promoted } from './entries'

/** Every pattern, oldest first, with its cards and the cities they speak about. */
export function reportPatterns(patterns: readonly Pattern[], index: CardIndex, promoted: readonly Promoted[]): ReportPattern[] {
  const promotedIds = new Set(promoted.filter((p) => p.source.source === 'pattern').map((p) => p.source.sourceId))
  return [...patterns].sort(byAge).map((pattern) => {
    const cards = index.byPattern.get(pattern.id) ?? []
    return {
      id: pattern.id,
      name: pattern.name,
      cities: distinctCities(cards.map((c) => c.city)),
      promoted: promotedIds.has(pattern.id),
      cards,
    }
  })
}

/**
 * One section per kind of a phase, in CARD_KINDS order. Every card of the kind is listed,
 * voted for or not, grouped or not; only those written during a story are left to that story,
 * so each card has one place in the W³ part of the report.
 */
export function kindSections(
  phase: Exclude<Phase, 'none' | 'what'>,
  index: CardIndex,
  promoted: readonly Promoted[],
  cities: readonly City[],
): KindSection[] {
  return CARD_KINDS.filter((kind) => KIND_PHASE[kind] === phase).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    entries: promoted.filter((p) => p.entry.kind === kind).map((p) => p.entry),
    byCity: groupByCity(
      index.cards.filter((c) => c.kind === kind && !index.storyAreas.has(c.area)),
      cities,
    ),
  }))
}

/** Cards nobody sorted yet, outside any story (a story's own unsorted cards are its notes). */
export function unsortedCards(index: CardIndex, cities: readonly City[]): CityCards[] {
  return groupByCity(
    index.cards.filter((c) => c.kind === null && !index.storyAreas.has(c.area)),
    cities,
  )
}
