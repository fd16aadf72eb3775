import path from 'node:path'
import Database from 'better-sqlite3'
import { assertWritableDir } from '../lifecycle/dataDir'
import type { ControlState, Draft, Invite, Member, Role, SessionInfo, SnapshotInfo, StoryNotes } from '@harvest/shared'
import type { ControlChange, ControlRecord, MemberRecord, Storage, VoteRecord, SurveyAnswerRecord, SurveyRecord } from './Storage'
import { SNAPSHOTS_KEPT, newestFirst, withDefaults } from './Storage'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invites (
  token TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS invites_session ON invites (session_id);
CREATE TABLE IF NOT EXISTS members (
  id TEXT PRIMARY KEY, session_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS members_session ON members (session_id);
CREATE TABLE IF NOT EXISTS doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (doc, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS controls (session_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS control_state (session_id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS control_notes (session_id TEXT NOT NULL, story_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session_id, story_id));
CREATE TABLE IF NOT EXISTS control_drafts (session_id TEXT NOT NULL, member_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session_id, member_id));
CREATE TABLE IF NOT EXISTS control_votes (session_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL, at INTEGER NOT NULL, cards INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS snapshots_doc ON snapshots (doc, at);
CREATE TABLE IF NOT EXISTS surveys (session_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS survey_answers (
  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, member_id TEXT NOT NULL, data TEXT NOT NULL,
  UNIQUE (session_id, member_id));
`

/**
 * The embedded store: one SQLite file, so a plain start needs no database server.
 * better-sqlite3 is synchronous, which makes every write durable before the call returns
 * (WAL mode survives a process crash); the async interface leaves room for PostgreSQL.
 */
export class SqliteStorage implements Storage {
  private db: Database.Database
  // Prepared once: these run for every update of every board.
  private appendStatement: Database.Statement
  private loadStatement: Database.Statement

  constructor(file: string) {
    if (file !== ':memory:') assertWritableDir(path.dirname(file))
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // In WAL mode NORMAL loses nothing when the process dies (kill -9, a crash): a commit is in
    // the WAL file before the call returns. Only a power cut or a kernel crash can drop the last
    // commits (never corrupting the file); FULL would close that gap with an fsync per change.
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA)
    this.splitLegacyControls()
    this.appendStatement = this.db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
    this.loadStatement = this.db.prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id')
  }

  async createSession(session: SessionInfo, invites: Invite[]) {
    const insertSession = this.db.prepare('INSERT INTO sessions (id, data) VALUES (?, ?)')
    const insertInvite = this.db.prepare(
      'INSERT INTO invites (token, session_id, role, created_at) VALUES (?, ?, ?, ?)',
    )
    this.db.transaction(() => {
      insertSession.run(session.id, JSON.stringify(session))
      for (const i of invites) insertInvite.run(i.token, i.sessionId, i.role, i.createdAt)
    })()
  }

  async getSession(id: string) {
    const row = this.db.prepare('SELECT data FROM sessions WHERE id = ?').get(id) as { data: string } | undefined
    return row && withDefaults(JSON.parse(row.data) as SessionInfo)
  }

  async listSessions() {
    const rows = this.db.prepare('SELECT data FROM sessions').all() as { data: string }[]
    return rows.map((row) => withDefaults(JSON.parse(row.data) as SessionInfo)).sort(newestFirst)
  }

  async findInvite(token: string) {
    const row = this.db.prepare('SELECT * FROM invites WHERE token = ?').get(token) as InviteRow | undefined
    return row && toInvite(row)
  }

  async listInvites(sessionId: string) {
    const rows = this.db
      .prepare('SELECT * FROM invites WHERE session_id = ? ORDER BY created_at, role')
      .all(sessionId) as InviteRow[]
    return rows.map(toInvite)
  }

  async replaceInvite(invite: Invite) {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM invites WHERE session_id = ? AND role = ?').run(invite.sessionId, invite.role)
      this.db
        .prepare('INSERT INTO invites (token, session_id, role, created_at) VALUES (?, ?, ?, ?)')
        .run(invite.token, invite.sessionId, invite.role, invite.createdAt)
    })()
  }

  async addMember(member: MemberRecord) {
    const { tokenHash, ...data } = member
    this.db
      .prepare('INSERT INTO members (id, session_id, token_hash, data) VALUES (?, ?, ?, ?)')
      .run(member.id, member.sessionId, tokenHash, JSON.stringify(data))
  }

  async updateMember(member: Member) {
    this.db.prepare('UPDATE members SET data = ? WHERE id = ?').run(JSON.stringify(member), member.id)
  }

  async findMemberByTokenHash(tokenHash: string) {
    const row = this.db.prepare('SELECT data, token_hash FROM members WHERE token_hash = ?').get(tokenHash) as
      | { data: string; token_hash: string }
      | undefined
    return row && { ...(JSON.parse(row.data) as Member), tokenHash: row.token_hash }
  }

  async listMembers(sessionId: string) {
    const rows = this.db.prepare('SELECT data FROM members WHERE session_id = ?').all(sessionId) as { data: string }[]
    return rows.map((r) => JSON.parse(r.data) as Member).sort((a, b) => a.joinedAt - b.joinedAt)
  }

  async removeMember(memberId: string) {
    this.db.prepare('DELETE FROM members WHERE id = ?').run(memberId)
  }

  async getControl(sessionId: string) {
    const row = this.db.prepare('SELECT version, data FROM control_state WHERE session_id = ?').get(sessionId) as { version: number; data: string } | undefined
    if (!row) return undefined
    const notes: Record<string, StoryNotes> = {}
    for (const n of this.db.prepare('SELECT story_id, data FROM control_notes WHERE session_id = ?').all(sessionId) as { story_id: string; data: string }[]) {
      notes[n.story_id] = JSON.parse(n.data) as StoryNotes
    }
    const drafts: Record<string, Draft[]> = {}
    for (const d of this.db.prepare('SELECT member_id, data FROM control_drafts WHERE session_id = ?').all(sessionId) as { member_id: string; data: string }[]) {
      drafts[d.member_id] = JSON.parse(d.data) as Draft[]
    }
    const vote = this.db.prepare('SELECT data FROM control_votes WHERE session_id = ?').pluck().get(sessionId) as string | undefined
    return { state: JSON.parse(row.data) as ControlState, notes, drafts, vote: vote ? (JSON.parse(vote) as VoteRecord) : null, version: row.version }
  }

  async saveControl(sessionId: string, change: ControlChange, baseVersion: number) {
    return this.db.transaction(() => this.writeControl(sessionId, change, baseVersion))()
  }

  /** The compare-and-set itself, inside a transaction of the caller's. */
  private writeControl(sessionId: string, change: ControlChange, baseVersion: number): number | null {
    const version = baseVersion + 1
    if (baseVersion === 0) {
      if (!change.state) throw new Error("the first save of a session's control carries its state")
      const { changes } = this.db.prepare('INSERT INTO control_state (session_id, version, data) VALUES (?, 1, ?) ON CONFLICT DO NOTHING').run(sessionId, JSON.stringify(change.state))
      if (changes === 0) return null
    } else {
      const { changes } = change.state
        ? this.db.prepare('UPDATE control_state SET version = ?, data = ? WHERE session_id = ? AND version = ?').run(version, JSON.stringify(change.state), sessionId, baseVersion)
        : this.db.prepare('UPDATE control_state SET version = ? WHERE session_id = ? AND version = ?').run(version, sessionId, baseVersion)
      if (changes === 0) return null
    }
    for (const [storyId, notes] of Object.entries(change.notes ?? {})) {
      this.db.prepare('INSERT INTO control_notes (session_id, story_id, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data').run(sessionId, storyId, JSON.stringify(notes))
    }
    for (const [memberId, drafts] of Object.entries(change.drafts ?? {})) {
      if (drafts) this.db.prepare('INSERT INTO control_drafts (session_id, member_id, data) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data').run(sessionId, memberId, JSON.stringify(drafts))
      else this.db.prepare('DELETE FROM control_drafts WHERE session_id = ? AND member_id = ?').run(sessionId, memberId)
    }
    if (change.vote) this.db.prepare('INSERT INTO control_votes (session_id, data) VALUES (?, ?) ON CONFLICT DO UPDATE SET data = excluded.data').run(sessionId, JSON.stringify(change.vote))
    else if (change.vote === null) this.db.prepare('DELETE FROM control_votes WHERE session_id = ?').run(sessionId)
    return version
  }

  /** Files written before notes, drafts and votes had records of their own: each session's one record is split once. */
  private splitLegacyControls(): void {
    const rows = this.db.prepare('SELECT session_id, data FROM controls').all() as { session_id: string; data: string }[]
    if (rows.length === 0) return
    this.db.transaction(() => {
      for (const row of rows) {
        const record = JSON.parse(row.data) as ControlRecord
        this.writeControl(row.session_id, { ...record, drafts: record.drafts ?? {}, vote: record.vote ?? null }, 0)
        this.db.prepare('DELETE FROM controls WHERE session_id = ?').run(row.session_id)
      }
    })()
  }

  async updateMemberKeepingOne(member: Member, keepOneOf: readonly Role[]) {
    // better-sqlite3 is synchronous: nothing else runs between this read and the write.
    const rows = this.db.prepare('SELECT id, data FROM members WHERE session_id = ?').all(member.sessionId) as { id: string; data: string }[]
    const roles = new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as Member).role]))
    const current = roles.get(member.id)
    roles.delete(member.id)
    const leaves = current !== undefined && keepOneOf.includes(current) && !keepOneOf.includes(member.role)
    if (leaves && ![...roles.values()].some((role) => keepOneOf.includes(role))) return false
    await this.updateMember(member)
    return true
  }

  async appendUpdate(docName: string, update: Uint8Array) {
    return Number(this.appendStatement.run(docName, Buffer.from(update)).lastInsertRowid)
  }

  async loadUpdates(docName: string) {
    const rows = this.loadStatement.all(docName) as { id: number; data: Buffer }[]
    return { updates: rows.map((r) => new Uint8Array(r.data)), seq: rows.at(-1)?.id ?? 0 }
  }

  async compactUpdates(docName: string, merged: Uint8Array, upToSeq: number) {
    this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM doc_updates WHERE doc = ? AND id <= ?').run(docName, upToSeq)
      // Taking the cursor's id keeps the merged update ahead of anything appended since.
      if (changes > 0) this.db.prepare('INSERT INTO doc_updates (id, doc, data) VALUES (?, ?, ?)').run(upToSeq, docName, Buffer.from(merged))
    })()
  }

  async addSnapshot(docName: string, info: SnapshotInfo, state: Uint8Array) {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO snapshots (id, doc, at, cards, data) VALUES (?, ?, ?, ?, ?)')
        .run(info.id, docName, info.at, info.cards, Buffer.from(state))
      this.db
        .prepare('DELETE FROM snapshots WHERE doc = ? AND id NOT IN (SELECT id FROM snapshots WHERE doc = ? ORDER BY at DESC LIMIT ?)')
        .run(docName, docName, SNAPSHOTS_KEPT)
    })()
  }

  async listSnapshots(docName: string) {
    return this.db.prepare('SELECT id, at, cards FROM snapshots WHERE doc = ? ORDER BY at DESC').all(docName) as SnapshotInfo[]
  }

  async getSnapshot(docName: string, id: string) {
    const row = this.db.prepare('SELECT data FROM snapshots WHERE doc = ? AND id = ?').get(docName, id) as { data: Buffer } | undefined
    return row && new Uint8Array(row.data)
  }

  async getSurvey(sessionId: string) {
    const row = this.db.prepare('SELECT data FROM surveys WHERE session_id = ?').get(sessionId) as { data: string } | undefined
    return row && (JSON.parse(row.data) as SurveyRecord)
  }

  async saveSurvey(sessionId: string, survey: SurveyRecord) {
    this.db
      .prepare('INSERT INTO surveys (session_id, data) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data')
      .run(sessionId, JSON.stringify(survey))
  }

  async saveSurveyAnswer(sessionId: string, answer: SurveyAnswerRecord) {
    // An upsert keeps the row's id, so a changed answer keeps its place in the order.
    this.db
      .prepare(
        'INSERT INTO survey_answers (session_id, member_id, data) VALUES (?, ?, ?) ON CONFLICT(session_id, member_id) DO UPDATE SET data = excluded.data',
      )
      .run(sessionId, answer.memberId, JSON.stringify(answer))
  }

  async listSurveyAnswers(sessionId: string) {
    const rows = this.db.prepare('SELECT data FROM survey_answers WHERE session_id = ? ORDER BY id').all(sessionId) as { data: string }[]
    return rows.map((row) => JSON.parse(row.data) as SurveyAnswerRecord)
  }

  async getMeta(key: string) {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value
  }

  async setMeta(key: string, value: string) {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  async setMetaIfAbsent(key: string, value: string) {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(key, value)
    return (await this.getMeta(key))!
  }

  async close() {
    this.db.close()
  }
}

interface InviteRow {
  token: string
  session_id: string
  role: Invite['role']
  created_at: number
}

function toInvite(row: InviteRow): Invite {
  return { token: row.token, sessionId: row.session_id, role: row.role, createdAt: row.created_at }
}
