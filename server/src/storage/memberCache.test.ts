import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KEPT_SESSIONS, cacheMembers } from './memberCache'
import { SqliteStorage } from './sqlite'
import type { MemberRecord, Storage } from './Storage'
import { publicMember } from './Storage'

const member = (id: string, sessionId = 's1', joinedAt = 10, patch: Partial<MemberRecord> = {}): MemberRecord => ({
  id, sessionId, name: `Member ${id}`, role: 'participant', city: 'Ghent', cityKind: 'pilot', joinedAt, tokenHash: `hash-of-${id}`, ...patch,
})

describe('the member cache', () => {
  let dir: string
  let store: SqliteStorage
  let cached: Storage
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-member-cache-'))
    store = new SqliteStorage(path.join(dir, 'harvest.sqlite'))
    cached = cacheMembers(store)
  })
  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("reads a session's members from the store once, then from memory", async () => {
    await cached.addMember(member('m1'))
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['m1'])
    // Written past the cache: only a process that is not alone on its store does that, and it has no cache.
    await store.addMember(member('behind-its-back', 's1', 20))
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['m1'])
    expect((await store.listMembers('s1')).map((m) => m.id)).toEqual(['m1', 'behind-its-back'])
  })

  it('reads the list again after each change made through it', async () => {
    await cached.addMember(member('f1', 's1', 10, { role: 'facilitator' }))
    await cached.addMember(member('m1', 's1', 20))
    await cached.addMember(member('other', 's2', 30))
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['f1', 'm1'])

    await cached.addMember(member('m2', 's1', 40))
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['f1', 'm1', 'm2'])
    await cached.updateMember({ ...publicMember(member('m1', 's1', 20)), name: 'Renamed' })
    expect((await cached.listMembers('s1')).find((m) => m.id === 'm1')?.name).toBe('Renamed')
    expect(await cached.updateMemberKeepingOne({ ...publicMember(member('m2', 's1', 40)), role: 'observer' }, ['facilitator'])).toBe(true)
    expect((await cached.listMembers('s1')).find((m) => m.id === 'm2')?.role).toBe('observer')
    // Refused, it writes nothing and the list stays right.
    expect(await cached.updateMemberKeepingOne({ ...publicMember(member('f1', 's1', 10)), role: 'participant' }, ['facilitator'])).toBe(false)
    expect((await cached.listMembers('s1')).find((m) => m.id === 'f1')?.role).toBe('facilitator')
    // A removal names no session: every session is read again.
    expect((await cached.listMembers('s2')).map((m) => m.id)).toEqual(['other'])
    await cached.removeMember('m1')
    await cached.removeMember('other')
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['f1', 'm2'])
    expect(await cached.listMembers('s2')).toEqual([])
  })

  it('hands every reader its own list of members nobody can change', async () => {
    await cached.addMember(member('m1'))
    const first = await cached.listMembers('s1')
    first.push(publicMember(member('pushed')))
    expect(() => Object.assign(first[0]!, { name: 'Changed' })).toThrow(TypeError)
    const second = await cached.listMembers('s1')
    expect(second.map((m) => [m.id, m.name])).toEqual([['m1', 'Member m1']])
  })

  it(`keeps the ${KEPT_SESSIONS} sessions read last, reading the others from the store again`, async () => {
    for (let i = 0; i < KEPT_SESSIONS; i++) await cached.listMembers(`s${i}`)
    // s0 read again: s1 is now the one read longest ago, and a new session pushes it out.
    await cached.listMembers('s0')
    await cached.listMembers('one-more')
    for (const id of ['s0', 's1', 's2']) await store.addMember(member(`behind-${id}`, id))
    expect(await cached.listMembers('s0')).toEqual([])
    expect(await cached.listMembers('s2')).toEqual([])
    // Read last, as reading it pushes out the next one.
    expect((await cached.listMembers('s1')).map((m) => m.id)).toEqual(['behind-s1'])
  })

  it('passes every other call to the store', async () => {
    await cached.setMeta('k', 'v')
    expect(await cached.getMeta('k')).toBe('v')
    expect(await store.getMeta('k')).toBe('v')
  })
})
