import type { CityKind, ControlState, Draft, Invite, Member, Role, SessionInfo, SnapshotInfo, StoryNotes, SurveyAnswer, SurveyDefinition, SurveyStatus } from '@harvest/shared'

/** A member as stored: the secret itself is never kept, only its hash. */
export interface MemberRecord extends Member {
  tokenHash: string
}

/**
 * Everything the server keeps. Handlers call this and never a database directly, so the
 * embedded store, the in-memory one used in tests and a later PostgreSQL one are interchangeable.
 */
export interface Storage {
  createSession(session: SessionInfo, invites: Invite[]): Promise<void>
  getSession(id: string): Promise<SessionInfo | undefined>
  /** Every session on this server, newest first (by creation). */
  listSessions(): Promise<SessionInfo[]>

  findInvite(token: string): Promise<Invite | undefined>
  listInvites(sessionId: string): Promise<Invite[]>
  /** Replaces the invitation of `invite.role` in its session: the old token stops working. */
  replaceInvite(invite: Invite): Promise<void>

  addMember(member: MemberRecord): Promise<void>
  updateMember(member: Member): Promise<void>
  findMemberByTokenHash(tokenHash: string): Promise<MemberRecord | undefined>
  listMembers(sessionId: string): Promise<Member[]>
  /** Deletes a member; their token stops working. */
  removeMember(memberId: string): Promise<void>

  /** The session's agenda, stories, clocks, notes, drafts and vote, with its version; undefined before the first save. */
  getControl(sessionId: string): Promise<StoredControl | undefined>
  /**
   * Saves a change made on top of version `baseVersion` (0 for the first save, which must carry
   * the state) and returns the new version, or null, writing nothing, when the stored version is
   * no longer `baseVersion` (another change, maybe of another process, came first). Only the
   * notes, drafts and vote the change names are written.
   */
  saveControl(sessionId: string, change: ControlChange, baseVersion: number): Promise<number | null>
  /**
   * Saves a member's new record unless it would leave their session without any member whose
   * role is one of `keepOneOf` (then it writes nothing and returns false). Atomic against other
   * changes to the same session's members, whichever process makes them.
   */
  updateMemberKeepingOne(member: Member, keepOneOf: readonly Role[]): Promise<boolean>

  /**
   * Appends one Yjs update of a document (a copy: the caller may reuse its buffer) and returns
   * its sequence number: an integer > 0, larger than every number returned for that document
   * before, by any process over the same store (a database sequence, not a count).
   */
  appendUpdate(docName: string, update: Uint8Array): Promise<number>
  /**
   * Every stored update of a document in the order of their sequence numbers, and `seq`, the
   * number of the last of them (0 when there are none), read together in one consistent read:
   * the cursor to pass to `compactUpdates` once these updates are merged.
   */
  loadUpdates(docName: string): Promise<UpdateLog>
  /**
   * Replaces, atomically, every stored update of the document numbered ≤ `upToSeq` by `merged`,
   * which takes the number `upToSeq`; updates numbered above it (appended meanwhile, here or by
   * another process) stay, after it. Nothing happens when no update is numbered ≤ `upToSeq`.
   */
  compactUpdates(docName: string, merged: Uint8Array, upToSeq: number): Promise<void>

  /** Keeps a full copy of a document's state, for history and restore; old ones are pruned. */
  addSnapshot(docName: string, info: SnapshotInfo, state: Uint8Array): Promise<void>
  /** Snapshots of a document, newest first. */
  listSnapshots(docName: string): Promise<SnapshotInfo[]>
  getSnapshot(docName: string, id: string): Promise<Uint8Array | undefined>

  /** The session's feedback survey (what it asks, where it stands); undefined until first changed. */
  getSurvey(sessionId: string): Promise<SurveyRecord | undefined>
  saveSurvey(sessionId: string, survey: SurveyRecord): Promise<void>
  /** Gives or replaces one person's survey answer; a replaced answer keeps its place in the order. */
  saveSurveyAnswer(sessionId: string, answer: SurveyAnswerRecord): Promise<void>
  /** Every survey answer of a session, in the order first given. */
  listSurveyAnswers(sessionId: string): Promise<SurveyAnswerRecord[]>

  getMeta(key: string): Promise<string | undefined>
  setMeta(key: string, value: string): Promise<void>
  /**
   * Stores `value` under `key` unless the key already has one, and returns the value the key
   * holds afterwards: two processes creating the same thing at once both get the first one's.
   */
  setMetaIfAbsent(key: string, value: string): Promise<string>

  close(): Promise<void>
}

/** A document's stored updates and the store's cursor after them (see `Storage.loadUpdates`). */
export interface UpdateLog {
  updates: Uint8Array[]
  /** Sequence number of the last update; 0 for a document with none. */
  seq: number
}

/** Session control as stored: the public state plus every storyteller's prepared notes. */
export interface ControlRecord {
  state: ControlState
  notes: Record<string, StoryNotes>
  /** Private-writing drafts by member id: never sent to anyone but their author. */
  drafts?: Record<string, Draft[]>
  /** The latest dot vote with every person's dots; people see only a view of it. */
  vote?: VoteRecord | null
}

/** A control record as read from the store, with the version a change must be based on. */
export interface StoredControl extends ControlRecord {
  version: number
}

/**
 * What one control change writes: the state when it changed, and the notes (by story), drafts
 * (by member; null deletes) and vote (null clears) it changed; what it leaves out stays as it is.
 */
export interface ControlChange {
  state?: ControlState
  notes?: Record<string, StoryNotes>
  drafts?: Record<string, Draft[] | null>
  vote?: VoteRecord | null
}

/** A dot vote as the server keeps it. */
export interface VoteRecord {
  id: string
  area: string | null
  budget: number
  hidden: boolean
  status: 'open' | 'closed'
  openedAt: number
  closedAt: number | null
  /** member id → card id → dots. */
  dots: Record<string, Record<string, number>>
}

/** A session's feedback survey as stored, apart from its answers. */
export interface SurveyRecord {
  definition: SurveyDefinition
  status: SurveyStatus
}

/** One person's survey answer as the server keeps it: the member id only to keep one per person. */
export interface SurveyAnswerRecord extends SurveyAnswer {
  memberId: string
  cityKind: CityKind | null
  answeredAt: number
}

/** How many snapshots of one document are kept. */
export const SNAPSHOTS_KEPT = 200

/** Strips the token hash before a member leaves the server. */
export function publicMember(record: MemberRecord | Member): Member {
  const { id, sessionId, name, role, city, cityKind, joinedAt } = record
  return { id, sessionId, name, role, city, cityKind, joinedAt }
}

/** A session as stored before a field existed reads with that field's default. */
export function withDefaults(session: SessionInfo): SessionInfo {
  return { ...session, round: typeof session.round === 'string' ? session.round : '' }
}

/** Orders sessions newest first, ties by id so every listing agrees. */
export const newestFirst = (a: SessionInfo, b: SessionInfo) => b.createdAt - a.createdAt || a.id.localeCompare(b.id)
