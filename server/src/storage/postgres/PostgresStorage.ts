import pg from 'pg'
import type { ControlState, Draft, Invite, Member, Role, SessionInfo, SnapshotInfo, StoryNotes } from '@harvest/shared'
import type { ControlChange, MemberRecord, Storage, VoteRecord, SurveyAnswerRecord, SurveyRecord } from '../Storage'
import { SNAPSHOTS_KEPT, newestFirst, withDefaults } from '../Storage'
import { migrate } from './migrations'

/** The advisory-lock space of per-document append locks (the key within it is the name's hash). */
const DOC_LOCK = 7_344_202

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

/**
 * The store of a deployment with several server processes: PostgreSQL through `pg`, behind the
 * same interface as the embedded store. The schema is created and migrated on open. Sequences
 * that read, check and write run in one transaction, with row locks where another process could
 * change the same rows in between.
 */
export class PostgresStorage implements Storage {
  private constructor(private pool: pg.Pool) {}

  /** Connects, migrates the schema to the newest version, and returns the store. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 10 })
    // An idle connection that drops (PostgreSQL restarted) must not crash the process.
    pool.on('error', (error) => console.error('[postgres] idle connection failed', error.message))
    const client = await pool.connect()
    try {
      await migrate(client)
    } finally {
      client.release()
    }
    return new PostgresStorage(pool)
  }

  /** Runs `work` in one transaction on one connection. */
  private async transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async createSession(session: SessionInfo, invites: Invite[]) {
    await this.transaction(async (db) => {
      await db.query('INSERT INTO sessions (id, created_at, data) VALUES ($1, $2, $3)', [session.id, session.createdAt, session])
      for (const i of invites) await insertInvite(db, i)
    })
  }

  async getSession(id: string) {
    const { rows } = await this.pool.query<{ data: SessionInfo }>('SELECT data FROM sessions WHERE id = $1', [id])
    return rows[0] && withDefaults(rows[0].data)
  }

  async listSessions() {
    const { rows } = await this.pool.query<{ data: SessionInfo }>('SELECT data FROM sessions')
    return rows.map((r) => withDefaults(r.data)).sort(newestFirst)
  }

  async findInvite(token: string) {
    const { rows } = await this.pool.query<InviteRow>('SELECT token, session_id, role, created_at::float8 AS created_at FROM invites WHERE token = $1', [token])
    return rows[0] && toInvite(rows[0])
  }

  async listInvites(sessionId: string) {
    const { rows } = await this.pool.query<InviteRow>(
      'SELECT token, session_id, role, created_at::float8 AS created_at FROM invites WHERE session_id = $1 ORDER BY created_at, role',
      [sessionId],
    )
    return rows.map(toInvite)
  }

  async replaceInvite(invite: Invite) {
    await this.transaction(async (db) => {
      await db.query('DELETE FROM invites WHERE session_id = $1 AND role = $2', [invite.sessionId, invite.role])
      await insertInvite(db, invite)
    })
  }

  async addMember(member: MemberRecord) {
    const { tokenHash, ...data } = member
    await this.pool.query('INSERT INTO members (id, session_id, token_hash, data) VALUES ($1, $2, $3, $4)', [member.id, member.sessionId, tokenHash, data])
  }

  async updateMember(member: Member) {
    await this.pool.query('UPDATE members SET data = $2 WHERE id = $1', [member.id, member])
  }

  async findMemberByTokenHash(tokenHash: string) {
    const { rows } = await this.pool.query<{ data: Member; token_hash: string }>('SELECT data, token_hash FROM members WHERE token_hash = $1', [tokenHash])
    return rows[0] && { ...rows[0].data, tokenHash: rows[0].token_hash }
  }

  async listMembers(sessionId: string) {
    const { rows } = await this.pool.query<{ data: Member }>('SELECT data FROM members WHERE session_id = $1', [sessionId])
    return rows.map((r) => r.data).sort((a, b) => a.joinedAt - b.joinedAt)
  }

  async removeMember(memberId: string) {
    await this.pool.query('DELETE FROM members WHERE id = $1', [memberId])
  }

  async getControl(sessionId: string) {
    // One transaction reads a consistent record: the state and its pieces at the same version.
    return this.transaction(async (db) => {
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const { rows } = await db.query<{ version: number; data: ControlState }>('SELECT version, data FROM control_state WHERE session_id = $1', [sessionId])
      if (!rows[0]) return undefined
      const notes = await db.query<{ story_id: string; data: StoryNotes }>('SELECT story_id, data FROM control_notes WHERE session_id = $1', [sessionId])
      const drafts = await db.query<{ member_id: string; data: Draft[] }>('SELECT member_id, data FROM control_drafts WHERE session_id = $1', [sessionId])
      const vote = await db.query<{ data: VoteRecord }>('SELECT data FROM control_votes WHERE session_id = $1', [sessionId])
      return {
        state: rows[0].data,
        notes: Object.fromEntries(notes.rows.map((n) => [n.story_id, n.data])),
        drafts: Object.fromEntries(drafts.rows.map((d) => [d.member_id, d.data])),
        vote: vote.rows[0]?.data ?? null,
        version: rows[0].version,
      }
    })
  }

  async saveControl(sessionId: string, change: ControlChange, baseVersion: number) {
    return this.transaction(async (db) => {
      // The UPDATE locks the row: a second process saving on the same base waits, then finds
      // the version moved on and writes nothing.
      const { rows } =
        baseVersion === 0
          ? await db.query<{ version: number }>('INSERT INTO control_state (session_id, version, data) VALUES ($1, 1, $2) ON CONFLICT DO NOTHING RETURNING version', [
              sessionId,
              json(requireState(change)),
            ])
          : await db.query<{ version: number }>(
              'UPDATE control_state SET version = version + 1, data = COALESCE($3::jsonb, data) WHERE session_id = $1 AND version = $2 RETURNING version',
              [sessionId, baseVersion, change.state ? json(change.state) : null],
            )
      if (!rows[0]) return null
      for (const [storyId, notes] of Object.entries(change.notes ?? {})) {
        await db.query('INSERT INTO control_notes (session_id, story_id, data) VALUES ($1, $2, $3) ON CONFLICT (session_id, story_id) DO UPDATE SET data = excluded.data', [sessionId, storyId, json(notes)])
      }
      for (const [memberId, drafts] of Object.entries(change.drafts ?? {})) {
        if (drafts) await db.query('INSERT INTO control_drafts (session_id, member_id, data) VALUES ($1, $2, $3) ON CONFLICT (session_id, member_id) DO UPDATE SET data = excluded.data', [sessionId, memberId, json(drafts)])
        else await db.query('DELETE FROM control_drafts WHERE session_id = $1 AND member_id = $2', [sessionId, memberId])
      }
      if (change.vote) await db.query('INSERT INTO control_votes (session_id, data) VALUES ($1, $2) ON CONFLICT (session_id) DO UPDATE SET data = excluded.data', [sessionId, json(change.vote)])
      else if (change.vote === null) await db.query('DELETE FROM control_votes WHERE session_id = $1', [sessionId])
      return rows[0].version
    })
  }

  async updateMemberKeepingOne(member: Member, keepOneOf: readonly Role[]) {
    return this.transaction(async (db) => {
      // Locking every member row of the session makes concurrent role changes take turns.
      const { rows } = await db.query<{ id: string; role: Role }>("SELECT id, data->>'role' AS role FROM members WHERE session_id = $1 ORDER BY id FOR UPDATE", [member.sessionId])
      const current = rows.find((r) => r.id === member.id)?.role
      const leaves = current !== undefined && keepOneOf.includes(current) && !keepOneOf.includes(member.role)
      if (leaves && !rows.some((r) => r.id !== member.id && keepOneOf.includes(r.role))) return false
      await db.query('UPDATE members SET data = $2 WHERE id = $1', [member.id, json(member)])
      return true
    })
  }

  async appendUpdate(docName: string, update: Uint8Array) {
    // A lock per document held until commit makes numbers commit in order, so a cursor read
    // by another process never has a not-yet-visible update below it (compaction would drop it).
    const { rows } = await this.pool.query<{ id: string }>(
      'WITH turn AS (SELECT pg_advisory_xact_lock($3, hashtext($1))) INSERT INTO doc_updates (doc, data) SELECT $1, $2 FROM turn RETURNING id',
      [docName, Buffer.from(update), DOC_LOCK],
    )
    return Number(rows[0]!.id)
  }

  async loadUpdates(docName: string) {
    const { rows } = await this.pool.query<{ id: string; data: Buffer }>('SELECT id, data FROM doc_updates WHERE doc = $1 ORDER BY id', [docName])
    return { updates: rows.map((r) => new Uint8Array(r.data)), seq: Number(rows.at(-1)?.id ?? 0) }
  }

  async compactUpdates(docName: string, merged: Uint8Array, upToSeq: number) {
    await this.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($2, hashtext($1))', [docName, DOC_LOCK])
      const { rowCount } = await db.query('DELETE FROM doc_updates WHERE doc = $1 AND id <= $2', [docName, upToSeq])
      // Taking the cursor's number keeps the merged update ahead of anything appended since.
      if (rowCount) await db.query('INSERT INTO doc_updates (id, doc, data) VALUES ($1, $2, $3)', [upToSeq, docName, Buffer.from(merged)])
    })
  }

  async addSnapshot(docName: string, info: SnapshotInfo, state: Uint8Array) {
    await this.transaction(async (db) => {
      await db.query('INSERT INTO snapshots (id, doc, at, cards, data) VALUES ($1, $2, $3, $4, $5)', [info.id, docName, info.at, info.cards, Buffer.from(state)])
      await db.query(
        'DELETE FROM snapshots WHERE doc = $1 AND id NOT IN (SELECT id FROM snapshots WHERE doc = $1 ORDER BY at DESC LIMIT $2)',
        [docName, SNAPSHOTS_KEPT],
      )
    })
  }

  async listSnapshots(docName: string) {
    const { rows } = await this.pool.query<SnapshotInfo>('SELECT id, at::float8 AS at, cards FROM snapshots WHERE doc = $1 ORDER BY at DESC', [docName])
    return rows.map((r) => ({ id: r.id, at: r.at, cards: r.cards }))
  }

  async getSnapshot(docName: string, id: string) {
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE doc = $1 AND id = $2', [docName, id])
    return rows[0] && new Uint8Array(rows[0].data)
  }

  async getSurvey(sessionId: string) {
    const { rows } = await this.pool.query<{ data: SurveyRecord }>('SELECT data FROM surveys WHERE session_id = $1', [sessionId])
    return rows[0]?.data
  }

  async saveSurvey(sessionId: string, survey: SurveyRecord) {
    await this.pool.query('INSERT INTO surveys (session_id, data) VALUES ($1, $2) ON CONFLICT (session_id) DO UPDATE SET data = excluded.data', [sessionId, survey])
  }

  async saveSurveyAnswer(sessionId: string, answer: SurveyAnswerRecord) {
    // An upsert keeps the row's id, so a changed answer keeps its place in the order.
    await this.pool.query(
      'INSERT INTO survey_answers (session_id, member_id, data) VALUES ($1, $2, $3) ON CONFLICT (session_id, member_id) DO UPDATE SET data = excluded.data',
      [sessionId, answer.memberId, answer],
    )
  }

  async listSurveyAnswers(sessionId: string) {
    const { rows } = await this.pool.query<{ data: SurveyAnswerRecord }>('SELECT data FROM survey_answers WHERE session_id = $1 ORDER BY id', [sessionId])
    return rows.map((r) => r.data)
  }

  async getMeta(key: string) {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])
    return rows[0]?.value
  }

  async setMeta(key: string, value: string) {
    await this.pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value])
  }

  async setMetaIfAbsent(key: string, value: string) {
    // The no-op update makes RETURNING answer the stored row also when it was there before.
    const { rows } = await this.pool.query<{ value: string }>(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = meta.value RETURNING value',
      [key, value],
    )
    return rows[0]!.value
  }

  async close() {
    await this.pool.end()
  }
}

interface InviteRow {
  token: string
  session_id: string
  role: Invite['role']
  created_at: number
}

const toInvite = (row: InviteRow): Invite => ({ token: row.token, sessionId: row.session_id, role: row.role, createdAt: row.created_at })

const insertInvite = (db: Queryable, i: Invite) =>
  db.query('INSERT INTO invites (token, session_id, role, created_at) VALUES ($1, $2, $3, $4)', [i.token, i.sessionId, i.role, i.createdAt])

/** A value for a JSONB parameter (pg would send an array as a PostgreSQL array). */
const json = (value: unknown) => JSON.stringify(value)

function requireState(change: ControlChange): ControlState {
  if (!change.state) throw new Error("the first save of a session's control carries its state")
  return change.state
}
