import { afterEach, describe, expect, it } from 'vitest'
import { Presence } from './Presence'

let presence: Presence
afterEach(() => presence.dispose())

describe('Presence', () => {
  it('counts each open connection, so a second tab closing leaves the person online', () => {
    presence = new Presence()
    expect(presence.add('s1', 'ann')).toBe(true)
    expect(presence.add('s1', 'ann')).toBe(false)
    expect(presence.remove('s1', 'ann')).toBe(false)
    expect(presence.isOnline('s1', 'ann')).toBe(true)
    expect(presence.remove('s1', 'ann')).toBe(true)
    expect(presence.isOnline('s1', 'ann')).toBe(false)
    expect(presence.remove('s1', 'ann')).toBe(false)
  })

  it('announces a burst of arrivals once, per session', async () => {
    presence = new Presence()
    const announced: string[] = []
    for (let i = 0; i < 300; i++) presence.batch('all-cluster', 20, () => announced.push('all-cluster'))
    presence.batch('cluster-4', 20, () => announced.push('cluster-4'))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(announced.sort()).toEqual(['all-cluster', 'cluster-4'])
    presence.batch('all-cluster', 20, () => announced.push('later'))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(announced).toContain('later')
  })

  it('announces nothing once disposed, even what is asked for afterwards (sockets closing at shutdown)', async () => {
    presence = new Presence()
    const announced: string[] = []
    presence.batch('s1', 10, () => announced.push('before'))
    presence.dispose()
    presence.batch('s1', 10, () => announced.push('after'))
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(announced).toEqual([])
  })
})
