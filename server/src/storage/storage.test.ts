import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Invite, SessionInfo } from '@harvest/shared'
import { MemoryStorage } from './memory'
import { SqliteStorage } from './sqlite'
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
function storageContract(name: string, open: () => Storage) {
  describe(`${name} storage contract`, () => {
    let storage: Storage
    beforeEach(() => {
      storage = open()
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

describe('SqliteStorage file', () => {
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
