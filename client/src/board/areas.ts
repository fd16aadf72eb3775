import type { BreakoutRound, Card, Story } from '@harvest/shared'
import { PLENARY_AREA, roomArea, storyArea } from '@harvest/shared'
import { ALL_AREAS } from './cardFilters'

/** One tab of the board: an area with its label and how many cards it holds. */
export interface AreaTab {
  id: string
  label: string
  count: number
}

/** What names the areas: the storyteller queue and the breakout rounds. */
export interface AreaSources {
  stories: readonly Story[]
  rounds: readonly BreakoutRound[]
}

/** A person-readable name for an area id: the plenary, a story's city, a breakout room's name. */
export function areaLabel(area: string, { stories, rounds }: AreaSources): string {
  if (area === ALL_AREAS) return 'All areas'
  if (area === PLENARY_AREA) return 'Plenary'
  const story = stories.find((s) => storyArea(s.id) === area)
  if (story) return story.title ? `${story.city}: ${story.title}` : story.city
  if (area.startsWith('story:')) return 'Earlier story'
  for (const [i, round] of rounds.entries()) {
    const room = round.rooms.find((r) => roomArea(round.id, r.id) === area)
    if (room) return rounds.length > 1 ? `${room.name || 'Room'} · round ${i + 1}` : room.name || 'Breakout room'
  }
  if (area.startsWith('room:')) return 'Earlier breakout room'
  return area
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
