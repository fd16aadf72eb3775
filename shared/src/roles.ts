/** The four roles a person can hold in a session; the server decides, the client only displays. */
export const ROLES = ['facilitator', 'harvester', 'participant', 'observer'] as const

/** A person's role in one session. */
export type Role = (typeof ROLES)[number]

/**
 * What an invitation token admits: a role, or the stage view alone. The stage link is read-only
 * (its holder sees the session as an observer guest) and cannot be used to join.
 */
export const INVITE_ROLES = [...ROLES, 'stage'] as const

/** A role's invitation, or the stage link. */
export type InviteRole = (typeof INVITE_ROLES)[number]

/** The invitations a person can join with: one per role, the stage link aside. */
export function isJoinInvite<T extends { role: InviteRole }>(invite: T): invite is T & { role: Role } {
  return invite.role !== 'stage'
}

/** Why a stage link admits nobody: it only shows the stage. */
export const STAGE_LINK_NO_JOIN = 'this is a stage link: it shows the stage view and cannot be used to join'

/** Whether a participant's city runs a pilot or is twinned with one. */
export const CITY_KINDS = ['pilot', 'twin'] as const

/** Pilot city or twin city. */
export type CityKind = (typeof CITY_KINDS)[number]

/**
 * Every permission in one table, so the rules can be read (and tested) in one place.
 * Later features add rows here rather than checks scattered through handlers.
 */
export const PERMISSIONS = {
  /** See the session, the people and the board. */
  'session:read': ['facilitator', 'harvester', 'participant', 'observer'],
  /** See and share the invitation links of every role. */
  'invites:read': ['facilitator'],
  /** Write, edit and delete cards on the shared board. */
  'board:write': ['facilitator', 'harvester', 'participant'],
  /** Add, remove, reorder and edit agenda items and the session's planned times and chime. */
  'agenda:edit': ['facilitator'],
  /** Move through the agenda, run the clocks and the storytelling; also needs the lead. */
  'session:drive': ['facilitator'],
  /** Build the storyteller queue: add, edit, reorder, remove stories. */
  'stories:edit': ['facilitator'],
  /** Read every storyteller's prepared notes (a storyteller always reads their own). */
  'notes:read': ['facilitator', 'harvester'],
  /** Write any storyteller's notes (a storyteller always writes their own). */
  'notes:write': ['facilitator'],
  /** Change a person's role, rename or remove them, rotate invitation links. */
  'people:manage': ['facilitator'],
  /** Take or hand over the lead. */
  'lead:set': ['facilitator'],
  /** Edit, move and tag any card, and group cards into patterns (others only touch their own cards). */
  'board:curate': ['facilitator', 'harvester'],
  /** Change the harvest document. */
  'harvest:write': ['facilitator', 'harvester'],
  /** Board modes (private writing, anonymous, follow me), votes, reveal, history and restore. */
  'board:moderate': ['facilitator'],
  /** Place dots in an open vote. */
  'vote:cast': ['facilitator', 'harvester', 'participant'],
  /** Create, plan, open and close breakout rounds; move people; broadcast to rooms. */
  'breakouts:manage': ['facilitator'],
  /** Choose a room in open space, move between rooms, call for a facilitator. */
  'breakouts:join': ['participant', 'harvester'],
  /** Propose an open-space topic and mark interest. */
  'topics:propose': ['facilitator', 'harvester', 'participant'],
  /** Download the Harvest Report at any time, during the session as well as after it. */
  'report:read': ['facilitator', 'harvester'],
  /** Share the report with everyone in the session (who may then download it too). */
  'report:share': ['facilitator'],
  /** End the session (clocks stop, links stop admitting, the board turns read-only) or reopen it; start the next round's session from it. */
  'session:end': ['facilitator'],
  /** Put oneself in the storyteller queue with one's own city. */
  'stories:volunteer': ['participant'],
  /** Answer the feedback survey once it is open (one answer per person, changeable until it closes). */
  'survey:answer': ['participant', 'harvester'],
  /** Edit the feedback survey while it is a draft, open and close it, and read its results live. */
  'survey:manage': ['facilitator'],
} as const satisfies Record<string, readonly Role[]>

/** Something a role may or may not do. */
export type Action = keyof typeof PERMISSIONS

/** True when `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role)
}

/**
 * Participants speak for a city: they name it when they join and keep it, tell its story, keep
 * their cards private while private writing is on, and are the people spread over breakout rooms.
 * The one place outside the table that names a role.
 */
export function isParticipant(role: Role): boolean {
  return role === 'participant'
}

/** Human labels for the roles, shown in the UI and in printed links. */
export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  harvester: 'Harvester',
  participant: 'Participant',
  observer: 'Observer',
}
