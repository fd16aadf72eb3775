import type { Ack, AckOf, ClientEventName, ClientPayload } from '@harvest/shared'
import { send } from '../socket'
import { useNoticeStore } from '../stores/useNoticeStore'


/**
 * Sends a command; on refusal shows the server's words and resolves with undefined. (Many
 * commands acknowledge success with null, so null cannot also mean "refused".)
 */
async function act<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<AckOf<E> | undefined> {
  const reply: Ack<AckOf<E>> = await send(event, payload)
  if (reply.ok) return reply.data
  useNoticeStore.getState().show('error', reply.message || 'the server refused that')
  return undefined
}

/** Sends a command and resolves with the server's refusal message, or null when it was done. */
async function attempt<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<string | null> {
  const reply = await send(event, payload)
  return reply.ok ? null : reply.message || 'the server refused that'
}

/** Facilitators: setting up rounds and rooms, then running them. */
export const rounds = {
  create: (payload: ClientPayload<'round:create'>) => act('round:create', payload),
  spread: (payload: ClientPayload<'round:spread'>) => act('round:spread', payload),
  assign: (roundId: string, groups: ClientPayload<'round:assign'>['groups']) => act('round:assign', { roundId, groups }),
  plan: (roundId: string, planned: Record<string, string>) => act('round:plan', { roundId, planned }),
  reuse: (roundId: string, fromRoundId: string) => act('round:reuse', { roundId, fromRoundId }),
  open: (roundId: string) => act('round:open', { roundId }),
  close: (roundId: string, countdownSeconds: number) => act('round:close', { roundId, countdownSeconds }),
  extend: (roundId: string, roomId: string | null, deltaMs: number) => act('round:extend', { roundId, roomId, deltaMs }),
  warn: (roundId: string) => act('round:warn', { roundId }),
  broadcast: (roundId: string, text: string | null) => act('round:broadcast', { roundId, text }),
  /** The breakout item's clock is every room's clock; only the lead may start it, so a refusal stays quiet. */
  startClock: (itemId: string) => send('clock:command', { target: { kind: 'item', id: itemId }, command: { op: 'start' } }),
}

/** Rooms: edited by facilitators; joined, left and called from by participants. */
export const rooms = {
  /** Resolves with the refusal message (shown in the form) or null. */
  add: (payload: ClientPayload<'room:add'>) => attempt('room:add', payload),
  update: (payload: ClientPayload<'room:update'>) => attempt('room:update', payload),
  remove: (roundId: string, roomId: string) => act('room:remove', { roundId, roomId }),
  move: (roundId: string, memberId: string, roomId: string | null) => act('room:move', { roundId, memberId, roomId }),
  join: (roundId: string, roomId: string) => act('room:join', { roundId, roomId }),
  leave: (roundId: string) => act('room:leave', { roundId }),
  callHelp: (roundId: string, on: boolean) => act('room:help', { roundId, on }),
  answerHelp: (roundId: string, roomId: string) => act('room:help', { roundId, on: false, roomId }),
}

/** Open space: the marketplace of topics. */
export const topics = {
  /** Resolves with the refusal message (shown in the form) or null. */
  propose: (roundId: string, title: string, line: string) => attempt('topic:propose', { roundId, title, line }),
  interest: (roundId: string, topicId: string, interested: boolean) => act('topic:interest', { roundId, topicId, interested }),
  open: (roundId: string, topicId: string, hostId: string | null, capacity: number | null) => act('topic:open', { roundId, topicId, hostId, capacity }),
}
