import type { CityKind, InviteRole, Role } from './roles'

/** A city taking part in a cluster, as listed in the programme report. */
export interface City {
  name: string
  kind: CityKind
  /** For a twin city, the pilot it is twinned with. */
  twinOf?: string
  /** The pilot's project name, for pilot cities. */
  project?: string
}

/** What everybody in a session may know about it. */
export interface SessionInfo {
  id: string
  title: string
  cluster: string
  /** Calendar date of the session, YYYY-MM-DD. */
  date: string
  /** The programme round the session belongs to, e.g. "Round 2" ('' when not given). */
  round: string
  cities: City[]
  createdAt: number
}

/** A person who has joined a session through an invitation link. */
export interface Member {
  id: string
  sessionId: string
  name: string
  role: Role
  /** Participants name their city; facilitators and harvesters may leave it empty. */
  city: string
  cityKind: CityKind | null
  joinedAt: number
}

/** A member as shown in the people list, with live presence. */
export interface PresentMember extends Member {
  online: boolean
}

/** One invitation link: whoever holds the token may join with this role, or (the stage link) watch the stage. */
export interface Invite {
  token: string
  sessionId: string
  role: InviteRole
  createdAt: number
}

/** Who this connection is: a joined member, or a guest holding only an invitation. */
export type Identity =
  | { kind: 'member'; sessionId: string; role: Role; member: Member }
  | { kind: 'guest'; sessionId: string; role: Role }
