import { describe, expect, it } from 'vitest'
import { EMPTY_NOTES } from '@harvest/shared'
import { MemoryStorage } from '../storage/memory'
import { ControlService } from './ControlService'

/** Two services over one store stand for two server processes sharing a database. */
function twoProcesses() {
  const storage = new MemoryStorage()
  const told: string[] = []
  const a = new ControlService(storage, () => told.push('a'))
  const b = new ControlService(storage, () => told.push('b'))
  return { storage, a, b, told }
}

describe('ControlService over a shared store', () => {
  it('runs a change based on a version another process replaced again on the fresh one, so neither change is lost', async () => {
    const { a, b, storage } = twoProcesses()
    await a.read('s1')
    await b.read('s1') // b now caches version 1
    await a.update('s1', ({ state }) => void (state.chime = true))
    let runs = 0
    await b.update('s1', ({ state }) => {
      runs++
      state.startsAt = '09:30'
    })
    expect(runs).toBe(2)
    const stored = await storage.getControl('s1')
    expect(stored!.state).toMatchObject({ chime: true, startsAt: '09:30' })
    expect(stored!.version).toBe(3)
  })

  it('keeps every change of two processes racing on the same session', async () => {
    const { a, b, storage } = twoProcesses()
    await Promise.all([a.read('s1'), b.read('s1')])
    const changes = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).update('s1', (record) => void (record.notes[`story${i}`] = { ...EMPTY_NOTES, milestones: String(i) }), { broadcast: false }))
    await Promise.all(changes)
    const stored = await storage.getControl('s1')
    expect(Object.keys(stored!.notes)).toHaveLength(40)
  })

  it('a refused change saves nothing and tells nobody', async () => {
    const { a, storage, told } = twoProcesses()
    await a.read('s1')
    await expect(a.update('s1', ({ state }) => {
      state.chime = true
      throw new Error('refused')
    })).rejects.toThrow('refused')
    expect((await storage.getControl('s1'))!.state.chime).toBe(false)
    expect(told).toEqual([])
  })

  it('peek shows another process\'s change once it hears of the new version', async () => {
    const { storage, b } = twoProcesses()
    await b.read('s1')
    let version = 0
    const other = new ControlService(storage, () => {}, (_, v) => (version = v))
    await other.update('s1', ({ state }) => void (state.leadId = 'someone'))
    expect(b.peek('s1')!.leadId).toBeNull()
    b.saved('s1', version)
    await b.read('s1')
    expect(b.peek('s1')!.leadId).toBe('someone')
  })
})
