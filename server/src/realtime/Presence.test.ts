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

  it('announces a burst of arrivals once, per session, with everyone who arrived in it', async () => {
    presence = new Presence()
    const announced: [string, string[]][] = []
    const note = (session: string) => (ids: Set<string>) => void announced.push([session, [...ids].sort()])
    for (let i = 0; i < 300; i++) presence.batch('all-cluster', `p${i % 3}`, 20, note('all-cluster'))
    presence.batch('cluster-4', 'q', 20, note('cluster-4'))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(announced.sort()).toEqual([
      ['all-cluster', ['p0', 'p1', 'p2']],
      ['cluster-4', ['q']],
    ])
    presence.batch('all-cluster', 'late', 20, note('later'))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(announced).toContainEqual(['later', ['late']])
  })

  it('announces nothing once disposed, even what is asked for afterwards (sockets closing at shutdown)', async () => {
    presence = new Presence()
    const announced: string[] = []
    presence.batch('s1', 'ann', 10, () => announced.push('before'))
    presence.dispose()
    presence.batch('s1', 'ann', 10, () => announced.push('after'))
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(announced).toEqual([])
  })
})
