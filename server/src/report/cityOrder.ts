import type { City, CityCards, ReportCard } from '@harvest/shared'

// A card without a city (a facilitator's, say) sorts last rather than heading the list.
const compareNames = (a: string, b: string) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en'))

/** City names each once: the session's own cities in its order, then any others alphabetically. */
export function orderCities(names: Iterable<string>, sessionCities: readonly City[]): string[] {
  const present = new Set(names)
  const known = sessionCities.map((c) => c.name).filter((name, i, all) => present.has(name) && all.indexOf(name) === i)
  const others = [...present].filter((name) => !known.includes(name)).sort(compareNames)
  return [...known, ...others]
}

/** Named cities only, each once, in first-seen order. */
export function distinctCities(names: Iterable<string>): string[] {
  return [...new Set(names)].filter(Boolean)
}

/** Cards grouped by the city they speak about, cities in session order; cards keep their order. */
export function groupByCity(cards: readonly ReportCard[], sessionCities: readonly City[]): CityCards[] {
  return orderCities(
    cards.map((c) => c.city),
    sessionCities,
  ).map((city) => ({ city, cards: cards.filter((c) => c.city === city) }))
}
