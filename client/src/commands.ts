import type { AckOf, ClientEventName, ClientPayload, ClockCommand, ClockTarget, Role, StoryNotes, StoryStatus } from '@harvest/shared'
import { send } from './socket'
import { useNoticeStore } from './stores/useNoticeStore'
import { useNotesStore } from './stores/useNotesStore'


/**
 * Sends a command and tells the person when the server refuses it. Resolves with `{ data }` on
 * success (data itself is often null), or null on failure, after showing the notice. Results
 * arrive as broadcasts too, so callers rarely need the data.
 */
async function act<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<{ data: AckOf<E> } | null> {
  const reply = await send(event, payload)
  if (reply.ok) return { data: reply.data }
  useNoticeStore.getState().show('error', reply.message || 'the server refused that')
  return null
}

/** Moving through the agenda and running clocks: needs the lead. */
export const drive = {
  step: (step: 1 | -1) => act('agenda:goto', { step }),
  goto: (id: string) => act('agenda:goto', { id }),
  clock: (target: ClockTarget, command: ClockCommand) => act('clock:command', { target, command }),
  storyStatus: (id: string, status: StoryStatus) => act('story:status', { id, status }),
}

/** Editing the agenda and the session's planned window. */
export const agenda = {
  add: (afterId: string | null) =>
    act('agenda:add', { title: 'New item', phase: 'none', kind: 'plenary', plannedMinutes: 10, prompt: '', afterId }),
  update: (patch: ClientPayload<'agenda:update'>) => act('agenda:update', patch),
  remove: (id: string) => act('agenda:remove', { id }),
  move: (id: string, toIndex: number) => act('agenda:move', { id, toIndex }),
  settings: (patch: ClientPayload<'settings:update'>) => act('settings:update', patch),
}

/** Building the storyteller queue. */
export const stories = {
  add: (story: ClientPayload<'story:add'>) => act('story:add', story),
  update: (patch: ClientPayload<'story:update'>) => act('story:update', patch),
  remove: (id: string) => act('story:remove', { id }),
  move: (id: string, toIndex: number) => act('story:move', { id, toIndex }),
  volunteer: (title: string) => act('story:volunteer', { title }),
}

/** Prepared notes. Loading stores them; saving resolves with the server's copy or an error message. */
export const notes = {
  load: async (storyId: string) => {
    const reply = await send('notes:get', { storyId })
    if (reply.ok) useNotesStore.getState().setNotes(storyId, reply.data)
  },
  save: async (storyId: string, patch: Partial<StoryNotes>): Promise<string | null> => {
    const reply = await send('notes:save', { storyId, notes: patch })
    if (!reply.ok) return reply.message
    useNotesStore.getState().setNotes(storyId, reply.data)
    return null
  },
}

/** Managing people, links and the lead. */
export const people = {
  setRole: (memberId: string, role: Role) => act('member:setRole', { memberId, role }),
  rename: (memberId: string, name: string) => act('member:rename', { memberId, name }),
  remove: (memberId: string) => act('member:remove', { memberId }),
  rotateInvite: (role: Role) => act('invite:rotate', { role }),
  setLead: (memberId: string) => act('lead:set', { memberId }),
}
