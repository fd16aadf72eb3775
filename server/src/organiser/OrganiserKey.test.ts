import { describe, expect, it } from 'vitest'
import { MemoryStorage } from '../storage/memory'
import { hashToken } from '../sessions/tokens'
import { OrganiserKey } from './OrganiserKey'

describe('OrganiserKey', () => {
  it('generates a 256-bit key once, keeps only its hash, and recognises it after a restart', async () => {
    const storage = new MemoryStorage()
    const first = new OrganiserKey(storage)
    const key = await first.ensure()
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 bytes in base64url
    expect(await storage.getMeta('organiserKeyHash')).toBe(hashToken(key!))
    expect(await first.ensure()).toBeNull()
    const restarted = new OrganiserKey(storage)
    expect(await restarted.ensure()).toBeNull()
    expect(await restarted.isOrganiser(key)).toBe(true)
    expect(await restarted.isOrganiser(`${key}x`)).toBe(false)
    expect(await restarted.isOrganiser(null)).toBe(false)
    expect(await restarted.isOrganiser('')).toBe(false)
  })

  it('uses ADMIN_TOKEN when set and stores nothing', async () => {
    const storage = new MemoryStorage()
    const organiser = new OrganiserKey(storage, 'configured-organiser-key-0123456789')
    expect(await organiser.ensure()).toBeNull()
    expect(await storage.getMeta('organiserKeyHash')).toBeUndefined()
    expect(await organiser.isOrganiser('configured-organiser-key-0123456789')).toBe(true)
    expect(await organiser.isOrganiser('configured-organiser-key-012345678')).toBe(false)
  })

  it('knows no key before one is made', async () => {
    const organiser = new OrganiserKey(new MemoryStorage())
    expect(await organiser.isOrganiser('anything-at-all-0123456789')).toBe(false)
    const key = await organiser.ensure()
    expect(await organiser.isOrganiser(key)).toBe(true)
  })
})
