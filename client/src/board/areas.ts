import type { AreaSources, Card } from '@harvest/shared'
import { PLENARY_AREA, areaLabel as sharedAreaLabel, roomArea, storyArea } from '@harvest/shared'
import { ALL_AREAS } from './cardFilters'

/** One tab of the board: an area with its label and how many cards it holds. */
export interface AreaTab {
  id: string
  label: string
  count: number
}

/** A person-readable name for an area id, or "All areas" for the board's first tab. */
export function areaLabel(area: string, sources: AreaSources): string {
  return area === ALL_AREAS ? 'All areas' : sharedAreaLabel(area, sources)
}

/**
 * The board's tabs: all areas, the plenary, one per story in queue order, the rooms of every
 * round that has opened, then any other area that holds cards, each with its card count.
 */
export function boardAreas(sources: AreaSources, cards: readonly Card[]): AreaTab[] {
  const counts = new Map<string, number>()
  for (const card of cards) counts.set(card.area, (counts.get(card.area) ?? 0) + 1)
  const rooms = sources.rounds.filter((r) => r.status !== 'planned').flatMap((r) => r.rooms.map((room) => roomArea(r.id, room.id)))
  const ids = [PLENARY_AREA, ...sources.stories.map((s) => storyArea(s.id)), ...rooms]
  const extra = [...counts.keys()].filter((id) => !ids.includes(id)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  return [
    { id: ALL_AREAS, label: areaLabel(ALL_AREAS, sources), count: cards.length },
    ...[...ids, ...extra].map((id) => ({ id, label: areaLabel(id, sources), count: counts.get(id) ?? 0 })),
  ]
}
