import type { Card, ControlState, ReportCard, Story } from '@harvest/shared'
import { KIND_LABELS, placeOfArea, storyArea } from '@harvest/shared'
import type { ReportInput } from './ReportInput'

/** How the report names a board area, and the story it belongs to if any. */
export interface AreaInfo {
  label: string
  /** The agenda item of the breakout round, or null outside breakouts. */
  round: string | null
  /** The story of a story area that is still in the queue. */
  story: Story | null
}

/** Every card of the report, with the indexes the sections look cards up by. */
export interface CardIndex {
  /** Every card once, oldest first (ties by id). */
  cards: ReportCard[]
  byId: Map<string, ReportCard>
  /** Cards by the id of the pattern they are grouped into. */
  byPattern: Map<string, ReportCard[]>
  /** Story areas of stories still in the queue: their cards belong to that story in What?. */
  storyAreas: Set<string>
}

/** Oldest first, ties by id, compared by code unit so every machine sorts alike. */
export const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The story an area id names, if it is still in the queue. */
export function storyOfArea(area: string, stories: readonly Story[]): Story | null {
  const place = placeOfArea(area, { stories, rounds: [] })
  return place.kind === 'story' ? place.story : null
}

/** The agenda item a breakout round runs in, by title; a removed item still reads as its round number. */
export function roundTitle(control: ControlState, roundId: string): string | null {
  const index = control.rounds.findIndex((r) => r.id === roundId)
  const round = control.rounds[index]
  if (!round) return null
  return control.agenda.find((item) => item.id === round.itemId)?.title || `Breakout round ${index + 1}`
}

/** "Plenary", "Cluj-Napoca's story", "Breakouts – Room 2", or the area id itself when unknown. */
export function describeArea(area: string, control: ControlState): AreaInfo {
  const place = placeOfArea(area, control)
  switch (place.kind) {
    case 'plenary':
      return { label: 'Plenary', round: null, story: null }
    case 'story':
      return { label: place.story ? `${place.story.city}'s story` : 'Earlier story', round: null, story: place.story }
    case 'room': {
      // A removed room still names its round when the round itself is there.
      const round = place.round ?? control.rounds.find((r) => area.startsWith(`room:${r.id}:`))
      const title = round ? roundTitle(control, round.id) : null
      if (!place.room) return { label: 'Earlier breakout room', round: title, story: null }
      return { label: `${title} – ${place.room.name || 'Room'}`, round: title, story: null }
    }
    case 'other':
      return { label: area, round: null, story: null }
  }
}

const iso = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString()

/**
 * Reads every card of the input as the report lists it. A card written during a story speaks
 * about the storyteller's city whoever wrote it: a Galway listener noting Cluj-Napoca's outcome
 * is telling us about Cluj-Napoca, not Galway.
 */
export function indexCards(input: ReportInput): CardIndex {
  const { control } = input
  const patternNames = new Map(input.patterns.map((p) => [p.id, p.name]))
  const promotedCards = new Set(input.entries.filter((e) => e.source === 'card').map((e) => e.sourceId))
  const promotedPatterns = new Set(input.entries.filter((e) => e.source === 'pattern').map((e) => e.sourceId))
  const areas = new Map<string, AreaInfo>()
  const areaOf = (area: string) => areas.get(area) ?? areas.set(area, describeArea(area, control)).get(area)!
  const memberNames = new Map(input.members.map((m) => [m.id, m.name]))

  const toReportCard = (card: Card): ReportCard => {
    const area = areaOf(card.area)
    const votes = input.voteTotals[card.id]
    return {
      id: card.id,
      text: card.text,
      kind: card.kind,
      kindLabel: card.kind ? KIND_LABELS[card.kind] : 'Unsorted',
      author: card.authorId.startsWith('anon:') ? 'Anonymous' : card.authorName || memberNames.get(card.authorId) || '',
      authorCity: card.city,
      authorCityKind: card.cityKind,
      city: area.story ? area.story.city : card.city,
      area: card.area,
      areaLabel: area.label,
      round: area.round,
      levers: [...card.levers],
      domains: [...card.domains],
      tags: [...card.tags],
      pattern: card.patternId ? (patternNames.get(card.patternId) ?? null) : null,
      votes: typeof votes === 'number' ? votes : 0,
      promoted: promotedCards.has(card.id) || (card.patternId !== null && promotedPatterns.has(card.patternId)),
      createdAt: iso(card.createdAt),
    }
  }

  const sorted = [...input.cards].sort(byAge)
  const cards = sorted.map(toReportCard)
  const byPattern = new Map<string, ReportCard[]>()
  sorted.forEach((card, i) => {
    if (card.patternId) byPattern.set(card.patternId, [...(byPattern.get(card.patternId) ?? []), cards[i]!])
  })
  return {
    cards,
    byId: new Map(cards.map((c) => [c.id, c])),
    byPattern,
    storyAreas: new Set(control.stories.map((s) => storyArea(s.id))),
  }
}
