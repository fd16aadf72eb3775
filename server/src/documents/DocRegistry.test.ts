import { describe, expect, it } from 'vitest'
import type { DocExtension } from './DocExtension'
import { DocRegistry } from './DocRegistry'

describe('DocRegistry', () => {
  it('closes every document at shutdown and then says that one could not be written', async () => {
    const destroyed: string[] = []
    const failing = (name: string): DocExtension => ({
      onStore: async () => {
        if (name === 'board:broken') throw new Error('disk full')
      },
      onDestroy: (live) => void destroyed.push(live.name),
    })
    const registry = new DocRegistry((name) => [failing(name)])
    await registry.open('board:broken')
    await registry.open('board:fine')
    await expect(registry.closeAll()).rejects.toThrow('disk full')
    expect(destroyed.sort()).toEqual(['board:broken', 'board:fine'])
  })

  it('shares one load between concurrent opens of the same document', async () => {
    let loads = 0
    const registry = new DocRegistry(() => [{ onLoad: async () => void loads++ }])
    const [a, b] = await Promise.all([registry.open('board:s'), registry.open('board:s')])
    expect(a).toBe(b)
    expect(loads).toBe(1)
    await registry.closeAll()
  })
})
