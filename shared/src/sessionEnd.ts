import type { ClientEventName } from './events/clientEvents'
import type { Role } from './roles'
import { can } from './roles'

/** What a person is told when a change waits for the session to run again. */
export const SESSION_ENDED_MESSAGE = 'the session has ended: a facilitator can reopen it to change this'

/** What the board says when a participant's change arrives after the end. */
export const BOARD_ENDED_REASON = 'the session has ended: the board is read-only'

/** What an invitation link answers once the session has ended. */
export const JOIN_ENDED_MESSAGE = 'this session has ended: its invitation links no longer admit new people (those who joined keep their access)'

/**
 * The events that change what the session ran: agenda, clocks, stories, breakouts and the
 * board's own state. Refused once the session has ended, so its times and rooms stay final.
 * People, links, the lead, the report's share, the harvest and reading stay open; events not
 * listed here (a survey, for one) are not touched by the end.
 */
export const REFUSED_WHEN_ENDED = new Set<ClientEventName>([
  'agenda:add', 'agenda:update', 'agenda:remove', 'agenda:move', 'agenda:goto', 'settings:update',
  'clock:command',
  'story:add', 'story:update', 'story:remove', 'story:move', 'story:status', 'story:volunteer',
  'draft:save', 'draft:delete', 'drafts:reveal', 'board:mode', 'follow:set',
  'vote:open', 'vote:cast', 'vote:close', 'snapshot:restoreCard', 'snapshot:restore',
  'round:create', 'round:spread', 'round:assign', 'round:plan', 'round:open', 'round:close', 'round:extend',
  'round:warn', 'round:broadcast', 'round:reuse',
  'room:add', 'room:update', 'room:remove', 'room:join', 'room:leave', 'room:move', 'room:help',
  'topic:propose', 'topic:interest', 'topic:open',
])

/** Whether the session has ended. */
export const isEnded = (control: { endedAt: number | null } | null | undefined): boolean => control?.endedAt != null

/**
 * Whether this role may change the board: while the session runs, those who write; after the
 * end, only those who curate (harvesters and facilitators finish the harvest from the board).
 */
export function mayWriteBoard(role: Role, ended: boolean): boolean {
  return ended ? can(role, 'board:curate') : can(role, 'board:write')
}
