import { afterEach, describe, expect, it } from 'vitest'
import { PLENARY_AREA, addCard, listCards, type NewCard } from '@harvest/shared'
import { MemoryStorage } from '../storage/memory'
import { COMPACT_AFTER_UPDATES, LiveDoc } from './LiveDoc'

const card = (id: string): NewCard => ({
  id,
  text: `card ${id}`,
  authorId: 'm1',
  authorName: 'Pat',
  city: 'Ghent',
  cityKind: 'pilot',
  area: PLENARY_AREA,
})

const opened: LiveDoc[] = []
async function open(storage: MemoryStorage, name = 'board:s1'): Promise<LiveDoc> {
  const live = new LiveDoc(name, storage)
  opened.push(live)
  await live.load()
  return live
}
afterEach(() => {
  for (const live of opened.splice(0)) live.destroy()
})

describe('LiveDoc', () => {
  it('persists every accepted update', async () => {
    const storage = new MemoryStorage()
    const live = await open(storage)
    addCard(live.doc, card('a'), 1)
    addCard(live.doc, card('b'), 2)
    await live.flush()
    expect(await storage.loadUpdates('board:s1')).toHaveLength(2)
    expect(await storage.loadUpdates('board:other')).toEqual([])
  })

  it('a fresh LiveDoc of the same name loads the same cards, without storing them again', async () => {
    const storage = new MemoryStorage()
    const first = await open(storage)
    addCard(first.doc, card('a'), 1)
    addCard(first.doc, card('b'), 2)
    await first.flush()

    const second = await open(storage)
    expect(listCards(second.doc)).toEqual(listCards(first.doc))
    expect(listCards(second.doc).map((c) => c.id)).toEqual(['a', 'b'])
    await second.flush()
    expect(await storage.loadUpdates('board:s1')).toHaveLength(2)
  })

  it('relays an update to every peer except the one it came from', async () => {
    const storage = new MemoryStorage()
    const live = await open(storage)
    const received = { author: 0, other: 0 }
    const author = { awarenessIds: new Set<number>(), send: () => void received.author++ }
    const other = { awarenessIds: new Set<number>(), send: () => void received.other++ }
    live.peers.add(author)
    live.peers.add(other)
    live.doc.transact(() => void addCard(live.doc, card('a')), author)
    expect(received).toEqual({ author: 0, other: 1 })
  })

  it(`compacts on load once there are more than ${COMPACT_AFTER_UPDATES} updates, keeping the content`, async () => {
    const storage = new MemoryStorage()
    const writer = await open(storage)
    const count = COMPACT_AFTER_UPDATES + 1
    for (let i = 0; i < count; i++) addCard(writer.doc, card(`c${String(i).padStart(4, '0')}`), i)
    await writer.flush()
    expect(await storage.loadUpdates('board:s1')).toHaveLength(count)

    const compacted = await open(storage)
    expect(await storage.loadUpdates('board:s1')).toHaveLength(1)
    expect(listCards(compacted.doc)).toEqual(listCards(writer.doc))

    // Later updates are stored after the merged one, and a later load sees all of it.
    addCard(compacted.doc, card('after'), count)
    await compacted.flush()
    expect(await storage.loadUpdates('board:s1')).toHaveLength(2)
    const reloaded = await open(storage)
    expect(listCards(reloaded.doc)).toHaveLength(count + 1)
    expect(listCards(reloaded.doc).at(-1)?.id).toBe('after')
  })

  it('does not compact at the threshold itself', async () => {
    const storage = new MemoryStorage()
    const writer = await open(storage)
    for (let i = 0; i < COMPACT_AFTER_UPDATES; i++) addCard(writer.doc, card(`c${i}`), i)
    await writer.flush()
    await open(storage)
    expect(await storage.loadUpdates('board:s1')).toHaveLength(COMPACT_AFTER_UPDATES)
  })

  it('keeps an update that arrives while compacting', async () => {
    const storage = new MemoryStorage()
    const live = await open(storage)
    for (let i = 0; i < 5; i++) addCard(live.doc, card(`c${i}`), i)
    const compaction = live.compact()
    addCard(live.doc, card('during'), 10)
    await compaction
    await live.flush()

    const reloaded = await open(storage)
    expect(listCards(reloaded.doc).map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'during'])
    expect((await storage.loadUpdates('board:s1')).length).toBeLessThanOrEqual(2)
  })
})
