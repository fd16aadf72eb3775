import type { ClientPayload } from './schemas'
import type { Invite, Member, PresentMember, SessionInfo } from './session'
import type { Role } from './roles'

/** Machine-readable reasons a request was refused. */
export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'unauthorized' | 'conflict' | 'internal'

/** Every acknowledgement carries either the result or a clear error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string }

/** The callback a client passes with each event. */
export type AckFn<T> = (response: Ack<T>) => void

/** Everything a client needs to render a session; sent on connect and on request. */
export interface SessionState {
  session: SessionInfo
  members: PresentMember[]
  you: { role: Role; memberId: string | null }
  /** Only facilitators receive the invitation links. */
  invites: Invite[] | null
}

/** Events the client sends; each has a schema in `clientEventSchemas`. */
export interface ClientToServerEvents {
  'session:sync': (payload: ClientPayload<'session:sync'>, ack: AckFn<SessionState>) => void
  'member:update': (payload: ClientPayload<'member:update'>, ack: AckFn<Member>) => void
}

/** Events the server broadcasts. */
export interface ServerToClientEvents {
  'session:state': (state: SessionState) => void
  'members:changed': (members: PresentMember[]) => void
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
} as const

/** Browser path of an invitation link. */
export const inviteLinkPath = (token: string) => `/join/${token}`
