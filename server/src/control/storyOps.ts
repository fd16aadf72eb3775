import type { ClientPayload, ControlState, Member, Story, StoryStatus } from '@harvest/shared'
import { CONTROL_LIMITS, applyClockCommand, clockPhase, newClock, storyArea } from '@harvest/shared'
import { DEFAULT_QA_MINUTES, DEFAULT_SLOT_MINUTES, newStory } from './newControl'
import { Refusal, moveInList, mustFind } from '../Refusal'

function ensureRoom(control: ControlState): void {
  if (control.stories.length >= CONTROL_LIMITS.storiesMax) {
    throw new Refusal('invalid', `the queue holds at most ${CONTROL_LIMITS.storiesMax} stories`)
  }
}

/** Inserts a story after `afterId` (or at the end of the queue). */
export function addStory(control: ControlState, input: ClientPayload<'story:add'>): string {
  ensureRoom(control)
  const { afterId, ...fields } = input
  const story = newStory(fields)
  const at = afterId === null ? control.stories.length : control.stories.indexOf(mustFind(control.stories, afterId, 'story')) + 1
  control.stories.splice(at, 0, story)
  return story.id
}

/** A participant queues their own city's story, to prepare it before the session. */
export function volunteerStory(control: ControlState, member: Member, title: string): Story {
  const existing = control.stories.find((s) => s.storytellerId === member.id)
  if (existing) return existing
  ensureRoom(control)
  const unclaimed = control.stories.find((s) => s.storytellerId === null && s.city === member.city && s.status === 'queued')
  if (unclaimed) {
    Object.assign(unclaimed, { storytellerId: member.id, storytellerName: member.name, title: title || unclaimed.title })
    return unclaimed
  }
  const story = newStory({
    city: member.city,
    storytellerId: member.id,
    storytellerName: member.name,
    title,
    slotMinutes: DEFAULT_SLOT_MINUTES,
    qaMinutes: DEFAULT_QA_MINUTES,
  })
  control.stories.push(story)
  return story
}

/** Edits a story; new slot lengths become the clocks' lengths while those have not run. */
export function updateStory(control: ControlState, { id, ...patch }: ClientPayload<'story:update'>): void {
  const story = mustFind(control.stories, id, 'story')
  Object.assign(story, patch)
  if (patch.slotMinutes !== undefined && clockPhase(story.tellClock) === 'idle') story.tellClock = newClock(patch.slotMinutes * 60_000)
  if (patch.qaMinutes !== undefined && clockPhase(story.qaClock) === 'idle') story.qaClock = newClock(patch.qaMinutes * 60_000)
}

export function removeStory(control: ControlState, id: string): void {
  const story = mustFind(control.stories, id, 'story')
  control.stories.splice(control.stories.indexOf(story), 1)
  if (control.currentStoryId === id) control.currentStoryId = null
}

export function moveStory(control: ControlState, id: string, toIndex: number): void {
  moveInList(control.stories, id, toIndex, 'story')
}

const pause = (story: Story, now: number) => {
  story.tellClock = applyClockCommand(story.tellClock, { op: 'pause' }, now)
  story.qaClock = applyClockCommand(story.qaClock, { op: 'pause' }, now)
}

/**
 * Moves a story through the queue; the clocks follow, and only one story runs at a time:
 * telling starts its slot clock, Q&A pauses it and starts the Q&A clock, done or skipped pause both.
 */
export function setStoryStatus(control: ControlState, id: string, status: StoryStatus, now: number): void {
  const story = mustFind(control.stories, id, 'story')
  if (status === 'telling' || status === 'qa') {
    for (const other of control.stories) {
      if (other.id === id) continue
      pause(other, now)
      if (other.status === 'telling' || other.status === 'qa') other.status = 'done'
    }
    pause(story, now)
    const clock = status === 'telling' ? 'tellClock' : 'qaClock'
    story[clock] = applyClockCommand(story[clock], { op: 'start' }, now)
    control.currentStoryId = id
    // "Follow me" follows the queue: whoever follows the facilitator is taken to the story being told.
    if (control.boardMode.follow) control.boardMode = { ...control.boardMode, follow: { ...control.boardMode.follow, area: storyArea(id) } }
    // The first story starts the storytelling block's own clock too, so its actual time is kept.
    const item = control.agenda.find((i) => i.id === control.currentItemId)
    if (item?.kind === 'storytelling' && clockPhase(item.clock) === 'idle') item.clock = applyClockCommand(item.clock, { op: 'start' }, now)
  } else {
    pause(story, now)
    if (control.currentStoryId === id) control.currentStoryId = null
  }
  story.status = status
}
