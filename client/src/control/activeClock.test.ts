import { describe, expect, it } from 'vitest'
import type { ControlState, Story } from '@harvest/shared'
import { newAgendaItem, newClock } from '@harvest/shared'
import { activeClock, liveStory } from './activeClock'

const story = (id: string, status: Story['status']): Story => ({
  id,
  city: 'Galway',
  storytellerId: null,
  storytellerName: 'Aoife',
  title: 'Warm Home Hub',
  slotMinutes: 10,
  qaMinutes: 5,
  status,
  tellClock: newClock(600_000),
  qaClock: newClock(300_000),
})

function control(patch: Partial<ControlState> = {}): ControlState {
  // Cast: only the fields these rules read; the rest of ControlState (board mode…) does not matter here.
  return {
    agenda: [
      newAgendaItem('welcome', { title: 'Welcome', phase: 'none', kind: 'plenary', plannedMinutes: 10, prompt: '' }),
      newAgendaItem('stories', { title: 'Stories', phase: 'what', kind: 'storytelling', plannedMinutes: 60, prompt: '' }),
    ],
    currentItemId: 'stories',
    stories: [story('s1', 'queued')],
    currentStoryId: null,
    leadId: null,
    startsAt: '09:30',
    endsAt: '12:30',
    chime: false,
    ...patch,
  } as ControlState
}

describe('activeClock', () => {
  it("is the current item's clock when no story is live", () => {
    expect(activeClock(control())?.target).toEqual({ kind: 'item', id: 'stories' })
  })

  it("is the story's telling clock, then its Q&A clock", () => {
    expect(activeClock(control({ stories: [story('s1', 'telling')], currentStoryId: 's1' }))?.target).toEqual({ kind: 'story', id: 's1', part: 'tell' })
    expect(activeClock(control({ stories: [story('s1', 'qa')], currentStoryId: 's1' }))?.target).toEqual({ kind: 'story', id: 's1', part: 'qa' })
  })

  it('falls back to the item once the current story is done', () => {
    const done = control({ stories: [story('s1', 'done')], currentStoryId: 's1' })
    expect(liveStory(done)).toBeNull()
    expect(activeClock(done)?.target).toEqual({ kind: 'item', id: 'stories' })
  })

  it('is null with no current item and no live story', () => {
    expect(activeClock(control({ currentItemId: null }))).toBeNull()
  })
})
