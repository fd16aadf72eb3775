import type { ClientPayload, ClockCommand, ClockTarget, InviteRole, Role, StoryNotes, StoryStatus } from '@harvest/shared'
import { send } from './socket'

// Every command resolves with the server's acknowledgement; a refusal is shown as a notice
// unless the caller shows it itself. Results arrive as broadcasts too, so callers rarely need the data.

/** Moving through the agenda and running clocks: needs the lead. */
export const drive = {
  step: (step: 1 | -1) => send('agenda:goto', { step }),
  goto: (id: string) => send('agenda:goto', { id }),
  clock: (target: ClockTarget, command: ClockCommand) => send('clock:command', { target, command }),
  storyStatus: (id: string, status: StoryStatus) => send('story:status', { id, status }),
}

/** Editing the agenda and the session's planned window. */
export const agenda = {
  add: (afterId: string | null) =>
    send('agenda:add', { title: 'New item', phase: 'none', kind: 'plenary', plannedMinutes: 10, prompt: '', afterId }),
  update: (patch: ClientPayload<'agenda:update'>) => send('agenda:update', patch),
  remove: (id: string) => send('agenda:remove', { id }),
  move: (id: string, toIndex: number) => send('agenda:move', { id, toIndex }),
  settings: (patch: ClientPayload<'settings:update'>) => send('settings:update', patch),
}

/** Building the storyteller queue. */
export const stories = {
  add: (story: ClientPayload<'story:add'>) => send('story:add', story),
  update: (patch: ClientPayload<'story:update'>) => send('story:update', patch),
  remove: (id: string) => send('story:remove', { id }),
  move: (id: string, toIndex: number) => send('story:move', { id, toIndex }),
  volunteer: (title: string) => send('story:volunteer', { title }),
}

/** Prepared notes; socket.ts stores what the server answers. Saving shows its refusal in the form. */
export const notes = {
  load: (storyId: string) => send('notes:get', { storyId }, { quiet: true }),
  save: (storyId: string, patch: Partial<StoryNotes>) => send('notes:save', { storyId, notes: patch }, { quiet: true }),
}

/** Sharing the Harvest Report with everyone in the session. */
export const report = {
  share: (shared: boolean) => send('report:share', { shared }),
}

/** Managing people, links and the lead. */
export const people = {
  setRole: (memberId: string, role: Role) => send('member:setRole', { memberId, role }),
  rename: (memberId: string, name: string) => send('member:rename', { memberId, name }),
  remove: (memberId: string) => send('member:remove', { memberId }),
  rotateInvite: (role: InviteRole) => send('invite:rotate', { role }),
  setLead: (memberId: string) => send('lead:set', { memberId }),
}

/** Ending, reopening and the next round; the recap of the last round. */
export const sessionLife = {
  end: () => send('session:end', {}),
  reopen: () => send('session:reopen', {}),
  next: (round: string) => send('session:next', { round }, { quiet: true }),
  recap: () => send('recap:get', {}, { quiet: true }),
}
