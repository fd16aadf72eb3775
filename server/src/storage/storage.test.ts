import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Draft, Invite, SessionInfo } from '@harvest/shared'
import { EMPTY_NOTES } from '@harvest/shared'
import { newControl } from '../control/newControl'
import { MemoryStorage } from './memory'
import { SqliteStorage } from './sqlite'
import { PostgresStorage } from './postgres/PostgresStorage'
import { MIGRATIONS } from './postgres/migrations'
import Database from 'better-sqlite3'
import pg from 'pg'
import type { PostgresService } from '../testing/services/postgres'
import { startPostgres } from '../testing/services/postgres'
import type { MemberRecord, Storage, SurveyAnswerRecord } from './Storage'
import { publicMember } from './Storage'

const session = (id: string): SessionInfo => ({
  id,
  title: `Session ${id}`,
  cluster: 'Cluster 4',
  date: '2026-06-14',
  round: 'Round 2',
  cities: [
    { name: 'Ghent', kind: 'pilot', project: 'Green roofs' },
    { name: 'Braga', kind: 'twin', twinOf: 'Ghent' },
  ],
  createdAt: 1_000,
})

const invite = (sessionId: string, role: Invite['role'], token = `${sessionId}-${role}-token-xxxxxxxxxxxx`): Invite => ({
  token,
  sessionId,
  role,
  createdAt: 1_000,
})

const member = (id: string, sessionId: string, joinedAt: number, patch: Partial<MemberRecord> = {}): MemberRecord => ({
  id,
  sessionId,
  name: `Member ${id}`,
  role: 'participant',
  city: 'Ghent',
  cityKind: 'pilot',
  joinedAt,
  tokenHash: `hash-of-${id}`,
  ...patch,
})

const bytes = (...values: number[]) => new Uint8Array(values)

/** Every Storage implementation must pass this. */
function storageContract(name: string, open: () => Storage | Promise<Storage>) {
  describe(`${name} storage contract`, () => {
    let storage: Storage
    beforeEach(async () => {
      storage = await open()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('lists every session newest first, and reads a session stored before rounds with no round', async () => {
      await storage.createSession({ ...session('old'), createdAt: 1 }, [])
      await storage.createSession({ ...session('new'), createdAt: 5 }, [])
      const { round: _, ...legacy } = { ...session('legacy'), createdAt: 3 }
      await storage.createSession(legacy as SessionInfo, [])
      expect((await storage.listSessions()).map((s) => [s.id, s.round])).toEqual([['new', 'Round 2'], ['legacy', ''], ['old', 'Round 2']])
    })

    it('returns a created session and its invites', async () => {
      const invites = [invite('s1', 'facilitator'), invite('s1', 'participant'), invite('s1', 'observer')]
      await storage.createSession(session('s1'), invites)
      await storage.createSession(session('s2'), [invite('s2', 'facilitator')])

      expect(await storage.getSession('s1')).toEqual(session('s1'))
      expect(await storage.getSession('nope')).toBeUndefined()
      expect(await storage.findInvite(invites[1]!.token)).toEqual(invites[1])
      expect(await storage.findInvite('unknown-token')).toBeUndefined()
      const listed = await storage.listInvites('s1')
      expect(listed).toHaveLength(3)
      expect(listed).toEqual(expect.arrayContaining(invites))
      expect(await storage.listInvites('nope')).toEqual([])
    })

    it('hands out copies: changing a returned session does not change what is stored', async () => {
      await storage.createSession(session('s1'), [])
      const got = await storage.getSession('s1')
      got!.title = 'tampered'
      got!.cities.push({ name: 'Nowhere', kind: 'twin' })
      expect(await storage.getSession('s1')).toEqual(session('s1'))
    })

    it('finds a member by the hash of their token, and nobody by an unknown hash', async () => {
      await storage.addMember(member('m1', 's1', 10))
      await storage.addMember(member('m2', 's1', 20))
      expect(await storage.findMemberByTokenHash('hash-of-m2')).toEqual(member('m2', 's1', 20))
      expect(await storage.findMemberByTokenHash('hash-of-nobody')).toBeUndefined()
    })

    it('lists the members of one session in joining order, without token hashes', async () => {
      await storage.addMember(member('late', 's1', 300))
      await storage.addMember(member('early', 's1', 100))
      await storage.addMember(member('other-session', 's2', 50))
      await storage.addMember(member('middle', 's1', 200, { role: 'observer', city: '', cityKind: null }))

      const members = await storage.listMembers('s1')
      expect(members.map((m) => m.id)).toEqual(['early', 'middle', 'late'])
      expect(members[1]).toEqual(publicMember(member('middle', 's1', 200, { role: 'observer', city: '', cityKind: null })))
      for (const m of members) expect(m).not.toHaveProperty('tokenHash')
    })

    it('updates a member, keeping their token working', async () => {
      await storage.addMember(member('m1', 's1', 10))
      await storage.updateMember({ ...publicMember(member('m1', 's1', 10)), name: 'Renamed', city: 'Braga', cityKind: 'twin' })
      expect((await storage.listMembers('s1'))[0]).toMatchObject({ id: 'm1', name: 'Renamed', city: 'Braga', cityKind: 'twin' })
      expect(await storage.findMemberByTokenHash('hash-of-m1')).toMatchObject({ id: 'm1', name: 'Renamed' })
    })

    it('loads the updates of a document in the order they were appended, per document, with the last one\'s number', async () => {
      const first = await storage.appendUpdate('board:a', bytes(1))
      await storage.appendUpdate('board:b', bytes(9))
      const second = await storage.appendUpdate('board:a', bytes(2, 2))
      const third = await storage.appendUpdate('board:a', bytes(3, 3, 3))
      expect(first).toBeGreaterThan(0)
      expect(second).toBeGreaterThan(first)
      expect(third).toBeGreaterThan(second)

      expect(await storage.loadUpdates('board:a')).toEqual({ updates: [bytes(1), bytes(2, 2), bytes(3, 3, 3)], seq: third })
      expect((await storage.loadUpdates('board:b')).updates).toEqual([bytes(9)])
      expect(await storage.loadUpdates('board:none')).toEqual({ updates: [], seq: 0 })
    })

    it('keeps its own copy of an appended update', async () => {
      const update = bytes(1, 2, 3)
      await storage.appendUpdate('board:a', update)
      update[0] = 99
      expect((await storage.loadUpdates('board:a')).updates).toEqual([bytes(1, 2, 3)])
    })

    it('compaction replaces the updates up to the cursor by the merged one and keeps those appended after it', async () => {
      for (const n of [1, 2]) await storage.appendUpdate('board:a', bytes(n))
      await storage.appendUpdate('board:b', bytes(7))
      await storage.appendUpdate('board:a', bytes(3))
      const { seq } = await storage.loadUpdates('board:a')
      // Update 4 arrived (from this process or another) while the merge of 1-3 was being computed.
      const fourth = await storage.appendUpdate('board:a', bytes(4))
      await storage.compactUpdates('board:a', bytes(1, 2, 3), seq)
      const fifth = await storage.appendUpdate('board:a', bytes(5))

      expect(await storage.loadUpdates('board:a')).toEqual({ updates: [bytes(1, 2, 3), bytes(4), bytes(5)], seq: fifth })
      expect((await storage.loadUpdates('board:b')).updates).toEqual([bytes(7)])
      expect(fifth).toBeGreaterThan(fourth)
    })

    it('compacts a compacted document again, and does nothing for a cursor below every update', async () => {
      for (const n of [1, 2, 3]) await storage.appendUpdate('board:a', bytes(n))
      const before = await storage.loadUpdates('board:a')
      await storage.compactUpdates('board:a', bytes(1, 2, 3), before.seq)
      expect(await storage.loadUpdates('board:a')).toEqual({ updates: [bytes(1, 2, 3)], seq: before.seq })
      const fourth = await storage.appendUpdate('board:a', bytes(4))
      await storage.compactUpdates('board:a', bytes(1, 2, 3, 4), fourth)
      expect(await storage.loadUpdates('board:a')).toEqual({ updates: [bytes(1, 2, 3, 4)], seq: fourth })

      const other = await storage.appendUpdate('board:c', bytes(8))
      await storage.compactUpdates('board:c', bytes(0), other - 1)
      expect((await storage.loadUpdates('board:c')).updates).toEqual([bytes(8)])
    })

    it('keeps a survey per session and one answer per person, a changed answer in its first place', async () => {
      expect(await storage.getSurvey('s1')).toBeUndefined()
      const definition = { statements: ['Useful'], questions: ['Highlight?'] }
      await storage.saveSurvey('s1', { definition, status: 'draft' })
      await storage.saveSurvey('s1', { definition, status: 'open' })
      expect(await storage.getSurvey('s1')).toEqual({ definition, status: 'open' })
      expect(await storage.getSurvey('s2')).toBeUndefined()

      const answer = (memberId: string, point: 0 | 4, text: string): SurveyAnswerRecord => ({
        memberId,
        cityKind: 'pilot',
        agreements: [point],
        texts: [text],
        answeredAt: 5,
      })
      await storage.saveSurveyAnswer('s1', answer('m1', 0, 'first'))
      await storage.saveSurveyAnswer('s1', answer('m2', 4, 'second'))
      await storage.saveSurveyAnswer('s2', answer('m1', 4, 'other session'))
      await storage.saveSurveyAnswer('s1', answer('m1', 4, 'changed'))
      expect(await storage.listSurveyAnswers('s1')).toEqual([answer('m1', 4, 'changed'), answer('m2', 4, 'second')])
      expect(await storage.listSurveyAnswers('s2')).toEqual([answer('m1', 4, 'other session')])
      expect(await storage.listSurveyAnswers('none')).toEqual([])
    })

    it('saves control with compare-and-set: a save based on a replaced version writes nothing', async () => {
      const record = newControl({ leadId: 'lead', cities: [] })
      expect(await storage.getControl('s1')).toBeUndefined()
      expect(await storage.saveControl('s1', record, 0)).toBe(1)
      expect(await storage.saveControl('s1', record, 0)).toBeNull()
      const stored = await storage.getControl('s1')
      expect(stored).toMatchObject({ version: 1, state: record.state, notes: {} })
      const moved = { ...record.state, leadId: 'other' }
      expect(await storage.saveControl('s1', { state: moved }, 1)).toBe(2)
      expect(await storage.saveControl('s1', { state: { ...record.state, chime: true } }, 1)).toBeNull()
      expect(await storage.getControl('s1')).toMatchObject({ version: 2, state: moved })
      expect(await storage.getControl('s2')).toBeUndefined()
    })

    it('lets exactly one of two saves racing on the same version through', async () => {
      const record = newControl({ leadId: null, cities: [] })
      await storage.saveControl('s1', record, 0)
      const results = await Promise.all(
        ['a', 'b'].map((lead) => storage.saveControl('s1', { state: { ...record.state, leadId: lead }, notes: { [lead]: { ...EMPTY_NOTES, milestones: lead } } }, 1)),
      )
      expect(results.filter((r) => r === 2)).toHaveLength(1)
      expect(results.filter((r) => r === null)).toHaveLength(1)
      const winner = results[0] === 2 ? 'a' : 'b'
      const stored = await storage.getControl('s1')
      expect(stored!.state.leadId).toBe(winner)
      expect(Object.keys(stored!.notes)).toEqual([winner])
    })

    it('keeps notes, drafts and the vote as records of their own: a change writes only those it names', async () => {
      const record = newControl({ leadId: null, cities: [] })
      await storage.saveControl('s1', record, 0)
      const draft = (id: string) => ({ id, text: `draft ${id}`, kind: 'insight', levers: [], createdAt: 1 }) as unknown as Draft
      const vote = { id: 'v1', area: null, budget: 3, hidden: false, status: 'open' as const, openedAt: 1, closedAt: null, dots: { m1: { c1: 2 } } }
      await storage.saveControl('s1', { notes: { story1: { ...EMPTY_NOTES, milestones: 'first' } }, drafts: { m1: [draft('d1')], m2: [draft('d2')] }, vote }, 1)
      await storage.saveControl('s1', { notes: { story2: { ...EMPTY_NOTES, milestones: 'second' } }, drafts: { m1: null } }, 2)
      const stored = await storage.getControl('s1')
      expect(stored).toMatchObject({ version: 3, state: record.state, vote })
      expect(stored!.notes).toEqual({ story1: { ...EMPTY_NOTES, milestones: 'first' }, story2: { ...EMPTY_NOTES, milestones: 'second' } })
      expect(stored!.drafts).toEqual({ m2: [draft('d2')] })
      await storage.saveControl('s1', { vote: null }, 3)
      expect((await storage.getControl('s1'))!.vote).toBeNull()
    })

    it('changes a role unless that leaves the session without a facilitator, also when two demotions race', async () => {
      await storage.addMember(member('f1', 's1', 10, { role: 'facilitator' }))
      await storage.addMember(member('f2', 's1', 20, { role: 'facilitator' }))
      await storage.addMember(member('other', 's2', 20, { role: 'facilitator' }))
      const keep = ['facilitator'] as const
      const demote = (id: string, at: number) => storage.updateMemberKeepingOne({ ...publicMember(member(id, 's1', at)), role: 'participant' }, keep)
      const results = await Promise.all([demote('f1', 10), demote('f2', 20)])
      expect(results.sort()).toEqual([false, true])
      expect((await storage.listMembers('s1')).filter((m) => m.role === 'facilitator')).toHaveLength(1)
      // Changes that keep a facilitator go through.
      expect(await storage.updateMemberKeepingOne({ ...publicMember(member('p', 's1', 5)), role: 'observer' }, keep)).toBe(true)
      const [last] = (await storage.listMembers('s1')).filter((m) => m.role === 'facilitator')
      expect(await storage.updateMemberKeepingOne({ ...last!, name: 'Renamed' }, keep)).toBe(true)
    })

    it('sets a meta value only where there is none, and answers the value kept, also when two race', async () => {
      expect(await storage.setMetaIfAbsent('authorSecret', 'first')).toBe('first')
      expect(await storage.setMetaIfAbsent('authorSecret', 'second')).toBe('first')
      const raced = await Promise.all(['a', 'b', 'c'].map((v) => storage.setMetaIfAbsent('raced', v)))
      expect(new Set(raced).size).toBe(1)
      expect(await storage.getMeta('raced')).toBe(raced[0])
    })

    it('stores meta values and overwrites them', async () => {
      expect(await storage.getMeta('demoSessionId')).toBeUndefined()
      await storage.setMeta('demoSessionId', 'first')
      await storage.setMeta('other', 'x')
      await storage.setMeta('demoSessionId', 'second')
      expect(await storage.getMeta('demoSessionId')).toBe('second')
      expect(await storage.getMeta('other')).toBe('x')
    })
  })
}

const tempDirs: string[] = []
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-storage-'))
  tempDirs.push(dir)
  return path.join(dir, 'nested', 'harvest.sqlite')
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

storageContract('MemoryStorage', () => new MemoryStorage())
storageContract('SqliteStorage', () => new SqliteStorage(tempFile()))

// A real PostgreSQL of this test file's own, on 127.0.0.1 and a free port, installed from
// Debian's packages when missing; each test gets a fresh database.
let postgres: PostgresService
beforeAll(async () => {
  postgres = await startPostgres()
}, 120_000)
afterAll(async () => {
  await postgres?.stop()
})
storageContract('PostgresStorage', async () => PostgresStorage.open(await postgres.createDatabase(), { max: 2 }))

describe('PostgresStorage schema', () => {
  it('splits the control record of a database at schema version 1 into state, notes, drafts and vote', async () => {
    const url = await postgres.createDatabase()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const legacy = { ...newControl({ leadId: 'lead', cities: [] }), notes: { story1: { ...EMPTY_NOTES, milestones: 'kept' } }, drafts: { m1: [{ id: 'd1' }] }, vote: null }
    try {
      await client.query(MIGRATIONS[0]!.sql)
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())')
      await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, 'initial schema')")
      await client.query('INSERT INTO controls (session_id, data) VALUES ($1, $2)', ['s1', JSON.stringify(legacy)])
    } finally {
      await client.end()
    }
    const storage = await PostgresStorage.open(url, { max: 1 })
    try {
      expect(await storage.getControl('s1')).toEqual({ ...legacy, version: 1 })
    } finally {
      await storage.close()
    }
  })
  it('migrates a database once, also when two processes open it at the same time, and keeps what it holds', async () => {
    const url = await postgres.createDatabase()
    const [first, second] = await Promise.all([PostgresStorage.open(url, { max: 1 }), PostgresStorage.open(url, { max: 1 })])
    await first.createSession(session('s1'), [invite('s1', 'participant')])
    await first.close()
    await second.close()
    const reopened = await PostgresStorage.open(url, { max: 1 })
    try {
      expect(await reopened.getSession('s1')).toEqual(session('s1'))
      expect(await reopened.findInvite(invite('s1', 'participant').token)).toEqual(invite('s1', 'participant'))
    } finally {
      await reopened.close()
    }
  })
})

describe('SqliteStorage file', () => {
  it('splits a control record written before notes, drafts and votes had records of their own', async () => {
    const file = tempFile()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const legacy = { ...newControl({ leadId: 'lead', cities: [] }), notes: { story1: { ...EMPTY_NOTES, milestones: 'kept' } }, drafts: {}, vote: null }
    const old = new Database(file)
    old.exec('CREATE TABLE controls (session_id TEXT PRIMARY KEY, data TEXT NOT NULL)')
    old.prepare('INSERT INTO controls (session_id, data) VALUES (?, ?)').run('s1', JSON.stringify(legacy))
    old.close()
    const storage = new SqliteStorage(file)
    try {
      expect(await storage.getControl('s1')).toEqual({ ...legacy, version: 1 })
    } finally {
      await storage.close()
    }
  })

  it('keeps everything after the file is closed and opened again', async () => {
    const file = tempFile()
    const first = new SqliteStorage(file)
    await first.createSession(session('s1'), [invite('s1', 'participant')])
    await first.addMember(member('m1', 's1', 10))
    const cursor = await first.appendUpdate('board:s1', bytes(1, 2))
    await first.appendUpdate('board:s1', bytes(3))
    await first.compactUpdates('board:s1', bytes(1, 2, 3), cursor)
    await first.setMeta('demoSessionId', 's1')
    await first.saveSurvey('s1', { definition: { statements: ['Useful'], questions: [] }, status: 'closed' })
    await first.saveSurveyAnswer('s1', { memberId: 'm1', cityKind: 'twin', agreements: [3], texts: [], answeredAt: 7 })
    await first.close()

    const reopened = new SqliteStorage(file)
    try {
      expect(await reopened.getSession('s1')).toEqual(session('s1'))
      expect(await reopened.findInvite(invite('s1', 'participant').token)).toEqual(invite('s1', 'participant'))
      expect(await reopened.findMemberByTokenHash('hash-of-m1')).toEqual(member('m1', 's1', 10))
      expect((await reopened.loadUpdates('board:s1')).updates).toEqual([bytes(1, 2, 3), bytes(3)])
      expect(await reopened.getMeta('demoSessionId')).toBe('s1')
      expect(await reopened.getSurvey('s1')).toMatchObject({ status: 'closed' })
      expect(await reopened.listSurveyAnswers('s1')).toEqual([{ memberId: 'm1', cityKind: 'twin', agreements: [3], texts: [], answeredAt: 7 }])
    } finally {
      await reopened.close()
    }
  })
})
