import type { ClientEventName } from '@harvest/shared'
import type { IoSocket, ServerContext } from '../context'
import type { Handler } from '../realtime/handler'
import { handle } from '../realtime/handler'
import { RateLimit, SOCKET_BURST, SOCKET_EVENTS_PER_SECOND } from '../realtime/RateLimit'
import { agendaAdd, agendaGoto, agendaMove, agendaRemove, agendaUpdate, settingsUpdate } from './agenda'
import { boardMode, followSet } from './boardMode'
import { clockCommand, timeSync } from './clock'
import { roomAdd, roomHelp, roomJoin, roomLeave, roomMove, roomRemove, roomUpdate, topicInterest, topicOpen, topicPropose } from './breakoutRooms'
import {
  roundAssign, roundBroadcast, roundClose, roundCreate, roundExtend, roundLinkPattern, roundOpen, roundPlan, roundReuse, roundSpread, roundWarn,
} from './breakoutRounds'
import { draftDelete, draftSave, draftsList, draftsReveal } from './drafts'
import { snapshotDiff, snapshotRestore, snapshotRestoreCard, snapshotsList } from './history'
import { inviteRotate, leadSet } from './invitesAndLead'
import { memberUpdate } from './memberUpdate'
import { notesGet, notesSave } from './notes'
import { memberRemove, memberRename, memberSetRole } from './people'
import { reportShare } from './report'
import { recapGet, sessionNext } from './rounds'
import { sessionEnd, sessionReopen } from './sessionLife'
import { sessionSync } from './sessionSync'
import { storyAdd, storyMove, storyRemove, storyStatus, storyUpdate, storyVolunteer } from './stories'
import { surveyAnswer, surveyClose, surveyGet, surveyMine, surveyOpen, surveyResults, surveyUpdate } from './survey'
import { voteCast, voteClose, voteOpen } from './votes'

/** Every client event and the one handler that answers it. */
const HANDLERS: { [E in ClientEventName]: Handler<E> } = {
  'session:sync': sessionSync,
  'time:sync': timeSync,
  'member:update': memberUpdate,
  'agenda:add': agendaAdd,
  'agenda:update': agendaUpdate,
  'agenda:remove': agendaRemove,
  'agenda:move': agendaMove,
  'agenda:goto': agendaGoto,
  'settings:update': settingsUpdate,
  'clock:command': clockCommand,
  'story:add': storyAdd,
  'story:update': storyUpdate,
  'story:remove': storyRemove,
  'story:move': storyMove,
  'story:status': storyStatus,
  'story:volunteer': storyVolunteer,
  'notes:get': notesGet,
  'notes:save': notesSave,
  'member:setRole': memberSetRole,
  'member:rename': memberRename,
  'member:remove': memberRemove,
  'invite:rotate': inviteRotate,
  'lead:set': leadSet,
  'report:share': reportShare,
  'session:end': sessionEnd,
  'session:reopen': sessionReopen,
  'session:next': sessionNext,
  'recap:get': recapGet,
  'draft:save': draftSave,
  'draft:delete': draftDelete,
  'drafts:list': draftsList,
  'drafts:reveal': draftsReveal,
  'board:mode': boardMode,
  'follow:set': followSet,
  'vote:open': voteOpen,
  'vote:cast': voteCast,
  'vote:close': voteClose,
  'snapshots:list': snapshotsList,
  'snapshot:diff': snapshotDiff,
  'snapshot:restoreCard': snapshotRestoreCard,
  'snapshot:restore': snapshotRestore,
  'round:create': roundCreate,
  'round:spread': roundSpread,
  'round:assign': roundAssign,
  'round:plan': roundPlan,
  'round:linkPattern': roundLinkPattern,
  'round:open': roundOpen,
  'round:close': roundClose,
  'round:extend': roundExtend,
  'round:warn': roundWarn,
  'round:broadcast': roundBroadcast,
  'round:reuse': roundReuse,
  'room:add': roomAdd,
  'room:update': roomUpdate,
  'room:remove': roomRemove,
  'room:join': roomJoin,
  'room:leave': roomLeave,
  'room:move': roomMove,
  'room:help': roomHelp,
  'topic:propose': topicPropose,
  'topic:interest': topicInterest,
  'topic:open': topicOpen,
  'survey:get': surveyGet,
  'survey:update': surveyUpdate,
  'survey:open': surveyOpen,
  'survey:close': surveyClose,
  'survey:answer': surveyAnswer,
  'survey:mine': surveyMine,
  'survey:results': surveyResults,
}

const BY_EVENT = new Map<unknown, Handler<ClientEventName>>(Object.values(HANDLERS).map((h) => [h.event, h as Handler<ClientEventName>]))

/**
 * Answers every client event of a freshly connected socket through one listener, not one per
 * event: with some 70 events, a listener each cost 1,000 people 70,000 closures. Events that
 * no handler answers are ignored, as socket.io ignores events nobody listens to.
 */
export function registerHandlers(ctx: ServerContext, socket: IoSocket): void {
  const limit = new RateLimit(SOCKET_BURST, SOCKET_EVENTS_PER_SECOND)
  socket.onAny((event: unknown, ...args: unknown[]) => {
    const handler = BY_EVENT.get(event)
    if (handler) void handle(ctx, socket, handler, limit, args)
  })
}
