import type { ClientPayload } from '@harvest/shared'
import { send } from '../socket'

// Every command resolves with the server's acknowledgement; a refusal is shown as a notice,
// except where a form shows it beside its fields (`quiet`).

/** Facilitators: setting up rounds and rooms, then running them. */
export const rounds = {
  create: (payload: ClientPayload<'round:create'>) => send('round:create', payload),
  spread: (payload: ClientPayload<'round:spread'>) => send('round:spread', payload),
  assign: (roundId: string, groups: ClientPayload<'round:assign'>['groups']) => send('round:assign', { roundId, groups }),
  plan: (roundId: string, planned: Record<string, string>) => send('round:plan', { roundId, planned }),
  linkPattern: (roundId: string, pattern: string | null) => send('round:linkPattern', { roundId, pattern }),
  reuse: (roundId: string, fromRoundId: string) => send('round:reuse', { roundId, fromRoundId }),
  open: (roundId: string) => send('round:open', { roundId }),
  close: (roundId: string, countdownSeconds: number) => send('round:close', { roundId, countdownSeconds }),
  extend: (roundId: string, roomId: string | null, deltaMs: number) => send('round:extend', { roundId, roomId, deltaMs }),
  warn: (roundId: string) => send('round:warn', { roundId }),
  broadcast: (roundId: string, text: string | null) => send('round:broadcast', { roundId, text }),
  /** The breakout item's clock is every room's clock; only the lead may start it, so a refusal stays quiet. */
  startClock: (itemId: string) => send('clock:command', { target: { kind: 'item', id: itemId }, command: { op: 'start' } }, { quiet: true }),
}

/** Rooms: edited by facilitators; joined, left and called from by participants. */
export const rooms = {
  /** The form shows a refusal itself. */
  add: (payload: ClientPayload<'room:add'>) => send('room:add', payload, { quiet: true }),
  update: (payload: ClientPayload<'room:update'>) => send('room:update', payload, { quiet: true }),
  remove: (roundId: string, roomId: string) => send('room:remove', { roundId, roomId }),
  move: (roundId: string, memberId: string, roomId: string | null) => send('room:move', { roundId, memberId, roomId }),
  join: (roundId: string, roomId: string) => send('room:join', { roundId, roomId }),
  leave: (roundId: string) => send('room:leave', { roundId }),
  callHelp: (roundId: string, on: boolean) => send('room:help', { roundId, on }),
  answerHelp: (roundId: string, roomId: string) => send('room:help', { roundId, on: false, roomId }),
}

/** Open space: the marketplace of topics. */
export const topics = {
  /** The form shows a refusal itself. */
  propose: (roundId: string, title: string, line: string) => send('topic:propose', { roundId, title, line }, { quiet: true }),
  interest: (roundId: string, topicId: string, interested: boolean) => send('topic:interest', { roundId, topicId, interested }),
  open: (roundId: string, topicId: string, hostId: string | null, capacity: number | null) => send('topic:open', { roundId, topicId, hostId, capacity }),
}
