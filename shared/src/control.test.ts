import { describe, expect, it } from 'vitest'
import { mayDrive } from './control'

const control = (leadId: string | null = null) => ({ leadId })

describe('mayDrive', () => {
  it('lets a facilitator drive when nobody leads or they lead', () => {
    expect(mayDrive(control(), 'facilitator', 'me')).toBe(true)
    expect(mayDrive(control('me'), 'facilitator', 'me')).toBe(true)
  })

  it('refuses a facilitator who is not the lead, and every other role', () => {
    expect(mayDrive(control('other'), 'facilitator', 'me')).toBe(false)
    expect(mayDrive(control(), 'harvester', 'me')).toBe(false)
    expect(mayDrive(control(), 'facilitator', null)).toBe(false)
    expect(mayDrive(null, 'facilitator', 'me')).toBe(false)
  })

  it('lets nobody drive an ended session, the lead included', () => {
    expect(mayDrive({ leadId: 'me', endedAt: 1 }, 'facilitator', 'me')).toBe(false)
    expect(mayDrive({ leadId: 'me', endedAt: null }, 'facilitator', 'me')).toBe(true)
  })
})
