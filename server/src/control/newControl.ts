import { v4 as uuid } from 'uuid'
import type { City, ControlState, Story } from '@harvest/shared'
import { DEFAULT_BOARD_MODE, ROUND2_AGENDA, newAgendaItem, newClock } from '@harvest/shared'
import type { ControlRecord } from '../storage/Storage'

export const DEFAULT_SLOT_MINUTES = 10
export const DEFAULT_QA_MINUTES = 5

/** A queued story with fresh clocks. */
export function newStory(fields: Omit<Story, 'id' | 'status' | 'tellClock' | 'qaClock'>): Story {
  return {
    ...fields,
    id: uuid(),
    status: 'queued',
    tellClock: newClock(fields.slotMinutes * 60_000),
    qaClock: newClock(fields.qaMinutes * 60_000),
  }
}

/**
 * Control of a new session: the Round 2 agenda, a 10:00–12:30 window that it fills exactly,
 * and one queued story per pilot city when the session lists its cities.
 */
export function newControl(options: { leadId: string | null; cities: City[] }): ControlRecord {
  const state: ControlState = {
    agenda: ROUND2_AGENDA.map((item) => newAgendaItem(uuid(), item)),
    currentItemId: null,
    stories: options.cities
      .filter((city) => city.kind === 'pilot')
      .map((city) =>
        newStory({ city: city.name, storytellerId: null, storytellerName: '', title: city.project ?? '', slotMinutes: DEFAULT_SLOT_MINUTES, qaMinutes: DEFAULT_QA_MINUTES }),
      ),
    currentStoryId: null,
    leadId: options.leadId,
    startsAt: '10:00',
    endsAt: '12:30',
    chime: false,
    boardMode: DEFAULT_BOARD_MODE,
    rounds: [],
    reportShared: false,
    endedAt: null,
  }
  state.currentItemId = state.agenda[0]?.id ?? null
  return { state, notes: {} }
}
