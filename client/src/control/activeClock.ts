import type { Clock, ClockTarget, ControlState, Story } from '@harvest/shared'
import { currentItem, currentStory } from '@harvest/shared'

/** A clock together with the target that commands it. */
export interface TargetedClock {
  target: ClockTarget
  clock: Clock
  label: string
}

/** The story being told or questioned right now, if any (a done or skipped current story is not live). */
export function liveStory(control: ControlState): Story | null {
  const story = currentStory(control)
  return story && (story.status === 'telling' || story.status === 'qa') ? story : null
}

/** The clock of the current agenda item. */
export function itemClock(control: ControlState): TargetedClock | null {
  const item = currentItem(control)
  return item ? { target: { kind: 'item', id: item.id }, clock: item.clock, label: item.title } : null
}

/** The clock of the live story's current part: telling, then Q&A. */
export function storyClock(control: ControlState): TargetedClock | null {
  const story = liveStory(control)
  if (!story) return null
  return story.status === 'qa'
    ? { target: { kind: 'story', id: story.id, part: 'qa' }, clock: story.qaClock, label: 'Q&A' }
    : { target: { kind: 'story', id: story.id, part: 'tell' }, clock: story.tellClock, label: 'Story' }
}

/**
 * The clock the facilitator's shortcuts act on and the stage shows: the story's while a story
 * is live, otherwise the current item's.
 */
export function activeClock(control: ControlState): TargetedClock | null {
  return storyClock(control) ?? itemClock(control)
}
