import type { ErrorCode } from './events/ack'
import type { Role } from './roles'
import type { Invite, Member, SessionInfo } from './session'

/** Answer of GET /api/invites/:token. */
export interface InviteInfo {
  session: SessionInfo
  role: Role
  /** When the session ended (null while it runs): the link then opens it read-only and admits nobody new. */
  endedAt: number | null
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

/** Browser path of a session's stage link; the token rides in the fragment, which never reaches a server log. */
export const stageLinkPath = (sessionId: string, token: string) => `/s/${encodeURIComponent(sessionId)}/stage#key=${token}`

/** Browser path of an invitation link. */
export const inviteLinkPath = (token: string) => `/join/${token}`
