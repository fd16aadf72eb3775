import { describe, expect, it } from 'vitest'
import { STORE_PROBLEM_MESSAGE } from '@harvest/shared'
import type { StoreStatus } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { MemoryStorage } from '../storage/memory'
import { HeldUpdate, guardStorage } from './guardedStorage'
import { StoreHealth, classifyStoreError } from './storeHealth'

const sqliteError = (code: string) => Object.assign(new Error('database or disk is full'), { code })

/** A real in-memory store whose writes fail with `failure` while it is set: a disk that fills and empties. */
function troubledStore() {
  const store = new MemoryStorage()
  const state: { failure: Error | null } = { failure: null }
  for (const method of ['appendUpdate', 'setMeta', 'saveSurvey'] as const) {
    const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>
    ;(store as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      if (state.failure) throw state.failure
      return original(...args)
    }
  }
  return { store, state }
}

describe('StoreHealth and the guarded store', () => {
  it("names the store's trouble from SQLite's, PostgreSQL's and the system's codes, and nothing else", () => {
    expect(classifyStoreError(sqliteError('SQLITE_FULL'))).toBe('full')
    expect(classifyStoreError(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('read-only')
    expect(classifyStoreError(sqliteError('SQLITE_IOERR_WRITE'))).toBe('unavailable')
    expect(classifyStoreError({ code: '53100' })).toBe('full')
    expect(classifyStoreError(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull()
    expect(classifyStoreError(new Error('a bug'))).toBeNull()
    // PostgreSQL killed mid-query, or away when the pool connects: pg gives no code.
    expect(classifyStoreError(new Error('Connection terminated unexpectedly'))).toBe('unavailable')
    expect(classifyStoreError(new Error('timeout exceeded when trying to connect'))).toBe('unavailable')
    expect(classifyStoreError({ code: '57P02' })).toBe('unavailable')
  })

  it('refuses writes with the reason while in trouble, holds the update whose write failed, and writes it first when the store is back', async () => {
    const { store, state } = troubledStore()
    const lines: string[] = []
    const health = new StoreHealth(store, () => 1_000, (line) => void lines.push(line), 60_000)
    const statuses: StoreStatus[] = []
    health.onChange((status) => void statuses.push(status))
    const guarded = guardStorage(store, health)
    await guarded.appendUpdate('board:s', new Uint8Array([1]))

    state.failure = sqliteError('SQLITE_FULL')
    const failed: unknown = await guarded.appendUpdate('board:s', new Uint8Array([2])).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(HeldUpdate)
    expect(failed).toMatchObject({ code: 'unavailable', message: STORE_PROBLEM_MESSAGE.full })
    // The refusal says when the held update is written, so the live document can pass it on then.
    let written = false
    void (failed as HeldUpdate).stored.then(() => (written = true))
    expect(health.status()).toEqual({ ok: false, store: 'full', since: 1_000, message: STORE_PROBLEM_MESSAGE.full })
    expect(lines[0]).toMatch(/^\[store\] CANNOT WRITE \(full/)
    // Another write is refused without touching the store; reads go on and include what is held.
    await expect(guarded.setMeta('k', 'v')).rejects.toBeInstanceOf(Refusal)
    expect((await guarded.loadUpdates('board:s')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2])])
    expect(await health.probe()).toBe(false)
    expect(written).toBe(false)

    state.failure = null
    expect(await health.probe()).toBe(true)
    expect(written).toBe(true)
    expect(statuses.map((s) => s.store)).toEqual(['full', 'ok'])
    expect((await store.loadUpdates('board:s')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2])])
    expect((await guarded.loadUpdates('board:s')).updates).toHaveLength(2)
    await guarded.setMeta('k', 'v')
    expect(await store.getMeta('k')).toBe('v')
  })

  it("passes a failure that is not the store's on unchanged and stays well", async () => {
    const { store, state } = troubledStore()
    const health = new StoreHealth(store, Date.now, () => {}, 60_000)
    state.failure = new Error('a bug of ours')
    await expect(guardStorage(store, health).saveSurvey('s', {} as never)).rejects.toThrow('a bug of ours')
    expect(health.ok).toBe(true)
  })
})
