import type { Card, CardKind, Lever } from '@harvest/shared'
import { CARD_KINDS } from '@harvest/shared'

/** The area tab that shows every area at once. */
export const ALL_AREAS = '*'

/** A kind filter value: one of the W³ kinds, or 'none' for cards nobody has sorted yet. */
export type KindKey = CardKind | 'none'

/** Every kind key in W³ order, unsorted last. */
export const KIND_KEYS: readonly KindKey[] = [...CARD_KINDS, 'none']

/** What the person narrowed the board down to. Empty values mean "everything". */
export interface CardFilter {
  kinds: readonly KindKey[]
  city: string | null
  lever: Lever | null
  search: string
}

export const NO_FILTER: CardFilter = { kinds: [], city: null, lever: null, search: '' }

/** Lower case without accents, so "cluj" finds "Cluj-Napoca" and "istanbul" finds "İstanbul". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')
}

export const kindKey = (card: Card): KindKey => card.kind ?? 'none'

/** Every word of the search must appear in the card's text, author, city or tags. */
function matchesSearch(card: Card, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = fold([card.text, card.authorName, card.city, ...card.tags].join(' '))
  return words.every((word) => haystack.includes(word))
}

/** True when a card passes every filter except the kind one. */
function matchesExceptKind(card: Card, area: string, filter: CardFilter): boolean {
  if (area !== ALL_AREAS && card.area !== area) return false
  if (filter.city && card.city !== filter.city) return false
  if (filter.lever && !card.levers.includes(filter.lever)) return false
  return matchesSearch(card, filter.search)
}

/** The cards a person sees in an area under a filter, in the order given. */
export function filterCards(cards: readonly Card[], area: string, filter: CardFilter): Card[] {
  return cards.filter((card) => matchesExceptKind(card, area, filter) && (filter.kinds.length === 0 || filter.kinds.includes(kindKey(card))))
}

/**
 * Cards per kind in an area under every filter but the kind one: the counts tell the person
 * what they would get by picking a kind, and stay visible whatever they picked.
 */
export function countByKind(cards: readonly Card[], area: string, filter: CardFilter): Record<KindKey, number> {
  const counts = Object.fromEntries(KIND_KEYS.map((k) => [k, 0])) as Record<KindKey, number>
  for (const card of cards) if (matchesExceptKind(card, area, filter)) counts[kindKey(card)]++
  return counts
}

/** The cities that wrote cards, alphabetically, for the city filter. */
export function citiesOf(cards: readonly Card[]): string[] {
  return [...new Set(cards.map((c) => c.city).filter(Boolean))].sort((a, b) => a.localeCompare(b))
}

/** Cards grouped by kind in W³ order (unsorted last), leaving out empty groups. */
export function groupByKind(cards: readonly Card[]): { kind: KindKey; cards: Card[] }[] {
  const groups = new Map<KindKey, Card[]>(KIND_KEYS.map((k) => [k, []]))
  for (const card of cards) groups.get(kindKey(card))!.push(card)
  return KIND_KEYS.map((kind) => ({ kind, cards: groups.get(kind)! })).filter((g) => g.cards.length > 0)
}

/** True when any filter is set, so the board can offer to clear them. */
export const isFiltered = (filter: CardFilter) =>
  filter.kinds.length > 0 || filter.city !== null || filter.lever !== null || filter.search.trim() !== ''
