import type { ClientPayload } from './eventSchemas'
import type { Invite, Member, PresentMember, SessionInfo } from './session'
import type { Role } from './roles'
import type { ControlState } from './control'
import type { Story, StoryNotes } from './story'
import type { Draft, SnapshotDiff, SnapshotInfo, VoteView } from './boardSession'

/** Machine-readable reasons a request was refused. */
export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'unauthorized' | 'conflict' | 'rate_limited' | 'internal'

/** Every acknowledgement carries either the result or a clear error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string }

/** The callback a client passes with each event. */
export type AckFn<T> = (response: Ack<T>) => void

/** Everything a client needs to render a session; sent on connect and on request. */
export interface SessionState {
  session: SessionInfo
  members: PresentMember[]
  you: {
    role: Role
    memberId: string | null
    /** What this person writes as a card's authorId: their member id, or an opaque key when authors are hidden. */
    authorKey: string | null
  }
  /** Only facilitators receive the invitation links. */
  invites: Invite[] | null
  control: ControlState
  /** The server's clock when this state was sent, for a first estimate of the offset. */
  serverNow: number
  /** The dot vote as this person sees it, if one was opened. */
  vote: VoteView | null
}

/** Acknowledgement of an event that created something. */
export interface Created {
  id: string
}

/** Events the client sends; each has a schema in `clientEventSchemas`. */
export interface ClientToServerEvents {
  'session:sync': (payload: ClientPayload<'session:sync'>, ack: AckFn<SessionState>) => void
  'time:sync': (payload: ClientPayload<'time:sync'>, ack: AckFn<{ clientSentAt: number; serverNow: number }>) => void
  'member:update': (payload: ClientPayload<'member:update'>, ack: AckFn<Member>) => void
  'agenda:add': (payload: ClientPayload<'agenda:add'>, ack: AckFn<Created>) => void
  'agenda:update': (payload: ClientPayload<'agenda:update'>, ack: AckFn<null>) => void
  'agenda:remove': (payload: ClientPayload<'agenda:remove'>, ack: AckFn<null>) => void
  'agenda:move': (payload: ClientPayload<'agenda:move'>, ack: AckFn<null>) => void
  'agenda:goto': (payload: ClientPayload<'agenda:goto'>, ack: AckFn<null>) => void
  'settings:update': (payload: ClientPayload<'settings:update'>, ack: AckFn<null>) => void
  'clock:command': (payload: ClientPayload<'clock:command'>, ack: AckFn<null>) => void
  'story:add': (payload: ClientPayload<'story:add'>, ack: AckFn<Created>) => void
  'story:update': (payload: ClientPayload<'story:update'>, ack: AckFn<null>) => void
  'story:remove': (payload: ClientPayload<'story:remove'>, ack: AckFn<null>) => void
  'story:move': (payload: ClientPayload<'story:move'>, ack: AckFn<null>) => void
  'story:status': (payload: ClientPayload<'story:status'>, ack: AckFn<null>) => void
  'story:volunteer': (payload: ClientPayload<'story:volunteer'>, ack: AckFn<Story>) => void
  'notes:get': (payload: ClientPayload<'notes:get'>, ack: AckFn<StoryNotes>) => void
  'notes:save': (payload: ClientPayload<'notes:save'>, ack: AckFn<StoryNotes>) => void
  'member:setRole': (payload: ClientPayload<'member:setRole'>, ack: AckFn<Member>) => void
  'member:rename': (payload: ClientPayload<'member:rename'>, ack: AckFn<Member>) => void
  'member:remove': (payload: ClientPayload<'member:remove'>, ack: AckFn<null>) => void
  'invite:rotate': (payload: ClientPayload<'invite:rotate'>, ack: AckFn<Invite>) => void
  'lead:set': (payload: ClientPayload<'lead:set'>, ack: AckFn<null>) => void
  'draft:save': (payload: ClientPayload<'draft:save'>, ack: AckFn<Draft>) => void
  'draft:delete': (payload: ClientPayload<'draft:delete'>, ack: AckFn<null>) => void
  'drafts:list': (payload: ClientPayload<'drafts:list'>, ack: AckFn<Draft[]>) => void
  'drafts:reveal': (payload: ClientPayload<'drafts:reveal'>, ack: AckFn<{ revealed: number }>) => void
  'board:mode': (payload: ClientPayload<'board:mode'>, ack: AckFn<null>) => void
  'follow:set': (payload: ClientPayload<'follow:set'>, ack: AckFn<null>) => void
  'vote:open': (payload: ClientPayload<'vote:open'>, ack: AckFn<VoteView>) => void
  'vote:cast': (payload: ClientPayload<'vote:cast'>, ack: AckFn<VoteView>) => void
  'vote:close': (payload: ClientPayload<'vote:close'>, ack: AckFn<VoteView>) => void
  'snapshots:list': (payload: ClientPayload<'snapshots:list'>, ack: AckFn<SnapshotInfo[]>) => void
  'snapshot:diff': (payload: ClientPayload<'snapshot:diff'>, ack: AckFn<SnapshotDiff>) => void
  'snapshot:restoreCard': (payload: ClientPayload<'snapshot:restoreCard'>, ack: AckFn<null>) => void
  'snapshot:restore': (payload: ClientPayload<'snapshot:restore'>, ack: AckFn<null>) => void
  'round:create': (payload: ClientPayload<'round:create'>, ack: AckFn<Created>) => void
  'round:spread': (payload: ClientPayload<'round:spread'>, ack: AckFn<{ groups: string[][] }>) => void
  'round:assign': (payload: ClientPayload<'round:assign'>, ack: AckFn<null>) => void
  'round:plan': (payload: ClientPayload<'round:plan'>, ack: AckFn<null>) => void
  'round:open': (payload: ClientPayload<'round:open'>, ack: AckFn<null>) => void
  'round:close': (payload: ClientPayload<'round:close'>, ack: AckFn<null>) => void
  'round:extend': (payload: ClientPayload<'round:extend'>, ack: AckFn<null>) => void
  'round:warn': (payload: ClientPayload<'round:warn'>, ack: AckFn<null>) => void
  'round:broadcast': (payload: ClientPayload<'round:broadcast'>, ack: AckFn<null>) => void
  'round:reuse': (payload: ClientPayload<'round:reuse'>, ack: AckFn<null>) => void
  'room:add': (payload: ClientPayload<'room:add'>, ack: AckFn<Created>) => void
  'room:update': (payload: ClientPayload<'room:update'>, ack: AckFn<null>) => void
  'room:remove': (payload: ClientPayload<'room:remove'>, ack: AckFn<null>) => void
  'room:join': (payload: ClientPayload<'room:join'>, ack: AckFn<null>) => void
  'room:leave': (payload: ClientPayload<'room:leave'>, ack: AckFn<null>) => void
  'room:move': (payload: ClientPayload<'room:move'>, ack: AckFn<null>) => void
  'room:help': (payload: ClientPayload<'room:help'>, ack: AckFn<null>) => void
  'topic:propose': (payload: ClientPayload<'topic:propose'>, ack: AckFn<Created>) => void
  'topic:interest': (payload: ClientPayload<'topic:interest'>, ack: AckFn<null>) => void
  'topic:open': (payload: ClientPayload<'topic:open'>, ack: AckFn<Created>) => void
}

/** Events the server broadcasts. */
export interface ServerToClientEvents {
  'session:state': (state: SessionState) => void
  'members:changed': (members: PresentMember[]) => void
  /** The agenda, stories, clocks or lead changed. */
  'control:state': (control: ControlState, serverNow: number) => void
  /** A story's prepared notes changed; sent only to its storyteller and those who may read notes. */
  'notes:changed': (storyId: string, notes: StoryNotes) => void
  /** An invitation link was rotated; sent only to those who may see the links. */
  'invites:changed': (invites: Invite[]) => void
  /** This connection's role changed (a facilitator changed it). */
  'you:changed': (you: SessionState['you']) => void
  /** This person was removed from the session; the connection closes next. */
  'session:removed': (message: string) => void
  /** The dot vote changed, as this person may see it. */
  'vote:state': (vote: VoteView | null) => void
  /** This person's private drafts changed (e.g. revealed onto the board). */
  'drafts:changed': (drafts: Draft[]) => void
  /**
   * Who is in which room changed. Sent instead of the whole control state, because in a large
   * open-space round people move all the time and only these rooms changed.
   */
  'rooms:members': (roundId: string, rooms: { roomId: string; memberIds: string[] }[]) => void
}

/** Answer of GET /api/invites/:token. */
export interface InviteInfo {
  session: SessionInfo
  role: Role
}

/** Answer of POST /api/join and POST /api/sessions. */
export interface JoinResult {
  session: SessionInfo
  member: Member
  /** Personal secret that identifies this member on later connections. */
  memberToken: string
}

/** Answer of POST /api/sessions: the creator's membership and one link per role. */
export interface CreateSessionResult extends JoinResult {
  invites: Invite[]
}

/** Answer of GET /api/demo: the demo session and its invitation links, for trying the tool. */
export interface DemoInfo {
  session: SessionInfo
  invites: Invite[]
}

/** Error body of every refused HTTP request. */
export interface HttpError {
  error: ErrorCode
  message: string
}

/** Where the board's y-websocket endpoint lives; the room name is the session id. */
export const BOARD_PATH = '/board'

/** Close codes of the board endpoint, so clients can tell people why they were refused. */
export const BOARD_CLOSE = {
  unauthorized: { code: 4401, reason: 'unknown or revoked token' },
  wrongSession: { code: 4403, reason: 'token does not belong to this session' },
  notFound: { code: 4404, reason: 'no such session' },
  malformed: { code: 4400, reason: 'malformed message' },
  tooLarge: { code: 4413, reason: 'message too large' },
  removed: { code: 4410, reason: 'you were removed from this session' },
  /** Not final: the client reconnects and gets the new role's rights. */
  roleChanged: { code: 4000, reason: 'your role changed' },
  /** The update broke a board rule (someone else's card, a field out of bounds); the reason says which. */
  refused: { code: 4422, reason: 'change refused' },
} as const

/** Browser path of an invitation link. */
export const inviteLinkPath = (token: string) => `/join/${token}`
