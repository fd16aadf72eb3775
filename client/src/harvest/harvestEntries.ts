import type { Card, CardKind, HarvestEntry, Lever, Pattern, Story } from '@harvest/shared'
import { CARD_KINDS, KIND_PHASE, LEVERS, cityOfCard } from '@harvest/shared'

/** The harvest section a kind belongs to; unsorted cards go to So What, the sensemaking part. */
export function sectionOf(kind: CardKind | null): HarvestEntry['section'] {
  return kind ? KIND_PHASE[kind] : 'so_what'
}

/** Who promotes and when; the id is fresh per entry. */
export interface Promotion {
  id: string
  by: string
  at: number
}

/**
 * A card as a harvest entry: its text, kind, city and levers copied as they are now. The city is
 * the one the card speaks about (a story's city for a note written during that story).
 */
export function entryFromCard(card: Card, p: Promotion, stories: readonly Story[] = []): HarvestEntry {
  const city = cityOfCard(card, stories)
  return {
    id: p.id,
    source: 'card',
    sourceId: card.id,
    section: sectionOf(card.kind),
    text: card.text,
    kind: card.kind,
    cities: city ? [city] : [],
    levers: [...card.levers],
    key: false,
    promotedBy: p.by,
    promotedAt: p.at,
  }
}

/** The most common kind among cards (ties go to the earlier W³ kind), or null if none is sorted. */
export function dominantKind(cards: readonly Card[]): CardKind | null {
  const counts = new Map<CardKind, number>()
  for (const card of cards) if (card.kind) counts.set(card.kind, (counts.get(card.kind) ?? 0) + 1)
  let best: CardKind | null = null
  for (const kind of CARD_KINDS) if ((counts.get(kind) ?? 0) > (best ? counts.get(best)! : 0)) best = kind
  return best
}

/** A pattern as a harvest entry: its name, its cards' most common kind, all the cities they speak about, their levers. */
export function entryFromPattern(pattern: Pattern, cards: readonly Card[], p: Promotion, stories: readonly Story[] = []): HarvestEntry {
  const kind = dominantKind(cards)
  const levers = new Set<Lever>(cards.flatMap((c) => c.levers))
  return {
    id: p.id,
    source: 'pattern',
    sourceId: pattern.id,
    section: sectionOf(kind),
    text: pattern.name,
    kind,
    cities: [...new Set(cards.map((c) => cityOfCard(c, stories)).filter(Boolean))],
    levers: LEVERS.filter((l) => levers.has(l)),
    key: false,
    promotedBy: p.by,
    promotedAt: p.at,
  }
}

/** The ids of the cards and patterns already in the harvest, to mark them on the board. */
export function promotedSources(entries: readonly HarvestEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.source !== 'insight').map((e) => e.sourceId))
}
