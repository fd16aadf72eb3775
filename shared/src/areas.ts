import type { BreakoutRound } from './breakouts'
import { roomArea } from './breakouts'
import type { ControlState } from './control'
import type { Story } from './story'

/** The area every session starts with; stories and breakout rooms add their own. */
export const PLENARY_AREA = 'plenary'
/** The board area of a story in the storytelling queue. */
export const storyArea = (storyId: string) => `story:${storyId}`

/** What names the areas of a board: the storyteller queue and the breakout rounds. */
export interface AreaSources {
  stories: readonly Story[]
  rounds: readonly BreakoutRound[]
}

/** An area id read against the session: which story or which room it belongs to. */
export type AreaPlace =
  | { kind: 'plenary' }
  | { kind: 'story'; story: Story | null }
  | { kind: 'room'; round: BreakoutRound | null; roundIndex: number; room: BreakoutRound['rooms'][number] | null }
  | { kind: 'other' }

/** Which part of the session an area id names; a story or room removed since reads as null. */
export function placeOfArea(area: string, { stories, rounds }: AreaSources): AreaPlace {
  if (area === PLENARY_AREA) return { kind: 'plenary' }
  if (area.startsWith('story:')) return { kind: 'story', story: stories.find((s) => storyArea(s.id) === area) ?? null }
  if (area.startsWith('room:')) {
    for (const [roundIndex, round] of rounds.entries()) {
      const room = round.rooms.find((r) => roomArea(round.id, r.id) === area)
      if (room) return { kind: 'room', round, roundIndex, room }
    }
    return { kind: 'room', round: null, roundIndex: -1, room: null }
  }
  return { kind: 'other' }
}

/** A person-readable name for an area id: the plenary, a story's city, a breakout room's name. */
export function areaLabel(area: string, sources: AreaSources): string {
  const place = placeOfArea(area, sources)
  switch (place.kind) {
    case 'plenary':
      return 'Plenary'
    case 'story':
      if (!place.story) return 'Earlier story'
      return place.story.title ? `${place.story.city}: ${place.story.title}` : place.story.city
    case 'room':
      if (!place.room) return 'Earlier breakout room'
      return sources.rounds.length > 1
        ? `${place.room.name || 'Room'} · round ${place.roundIndex + 1}`
        : place.room.name || 'Breakout room'
    case 'other':
      return area
  }
}

/** The board area of the story being told or questioned now, where listeners' notes belong; null between stories. */
export function liveStoryArea(control: Pick<ControlState, 'stories' | 'currentStoryId'>): string | null {
  const story = control.stories.find((s) => s.id === control.currentStoryId)
  return story && (story.status === 'telling' || story.status === 'qa') ? storyArea(story.id) : null
}

/**
 * The city a card speaks about: the story's city for a card written during a story, whoever
 * wrote it (a Galway listener's note on Cluj-Napoca's story is about Cluj-Napoca), otherwise the
 * writer's own city.
 */
export function cityOfCard(card: { area: string; city: string }, stories: readonly Story[]): string {
  if (!card.area.startsWith('story:')) return card.city
  return stories.find((s) => storyArea(s.id) === card.area)?.city ?? card.city
}
