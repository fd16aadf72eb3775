import { afterEach, describe, expect, it, vi } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { PLENARY_AREA, addCard, listCards, type NewCard } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { MemoryStorage } from '../storage/memory'
import { SnapshotOnChange } from '../snapshots/snapshotOnChange'
import type { DocExtension } from './DocExtension'
import { awarenessClientIds } from './awarenessClaims'
import { AWARENESS_BATCH_MS, KEEPALIVE_MS, LiveDoc, type Peer } from './LiveDoc'
import { SERVER_ORIGIN, STORED_ORIGIN, originKind } from './origins'
import { COMPACT_AFTER_UPDATES, StoreUpdates } from './storeUpdates'

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
async function open(storage: MemoryStorage, name = 'board:s1', more: DocExtension[] = []): Promise<{ live: LiveDoc; store: StoreUpdates }> {
  const store = new StoreUpdates(storage)
  const live = new LiveDoc(name, [store, ...more])
  opened.push(live)
  await live.load()
  return { live, store }
}
afterEach(() => {
  for (const live of opened.splice(0)) live.destroy()
})

const peer = (received: Uint8Array[] = []): Peer => ({ kind: 'peer', awarenessIds: new Set(), send: (m) => void received.push(m) })
const stored = async (storage: MemoryStorage, name = 'board:s1') => (await storage.loadUpdates(name)).updates

describe('LiveDoc', () => {
  it('stores every accepted update', async () => {
    const storage = new MemoryStorage()
    const { live } = await open(storage)
    addCard(live.doc, card('a'), 1)
    addCard(live.doc, card('b'), 2)
    await live.flush()
    expect(await stored(storage)).toHaveLength(2)
    expect(await stored(storage, 'board:other')).toEqual([])
  })

  it('a fresh LiveDoc of the same name loads the same cards, without storing them again', async () => {
    const storage = new MemoryStorage()
    const { live: first } = await open(storage)
    addCard(first.doc, card('a'), 1)
    addCard(first.doc, card('b'), 2)
    await first.flush()

    const { live: second } = await open(storage)
    expect(listCards(second.doc)).toEqual(listCards(first.doc))
    expect(listCards(second.doc).map((c) => c.id)).toEqual(['a', 'b'])
    await second.flush()
    expect(await stored(storage)).toHaveLength(2)
  })

  it('relays an update to every peer except the one it came from', async () => {
    const { live } = await open(new MemoryStorage())
    const toAuthor: Uint8Array[] = []
    const toOther: Uint8Array[] = []
    const author = peer(toAuthor)
    live.peers.add(author)
    live.peers.add(peer(toOther))
    live.doc.transact(() => void addCard(live.doc, card('a')), author)
    await live.flush()
    expect([toAuthor.length, toOther.length]).toEqual([0, 1])
  })

  it('relays an update only once the store has it, and keeps the order of acceptance when the writes answer out of order', async () => {
    const storage = new MemoryStorage()
    const answers: (() => void)[] = []
    const append = storage.appendUpdate.bind(storage)
    // A store that answers when the test says, the second write first.
    storage.appendUpdate = (doc, update) => new Promise<number>((resolve) => answers.push(() => void append(doc, update).then(resolve)))
    const { live } = await open(storage)
    const received: Uint8Array[] = []
    live.peers.add(peer(received))
    const author = peer()
    live.peers.add(author)
    live.doc.transact(() => void addCard(live.doc, card('first')), author)
    live.doc.transact(() => void addCard(live.doc, card('second')), author)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(received).toHaveLength(0)

    answers[1]!()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(received).toHaveLength(0)
    answers[0]!()
    await live.flush()
    const copy = new Y.Doc()
    const seen: string[] = []
    for (const message of received) {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      Y.applyUpdate(copy, decoding.readVarUint8Array(decoder))
      seen.push(listCards(copy).map((c) => c.id).join(','))
    }
    expect(seen).toEqual(['first', 'first,second'])
    expect(await stored(storage)).toHaveLength(2)
  })

  it('a change the store refuses reaches nobody, and its writer is told the reason', async () => {
    const storage = new MemoryStorage()
    storage.appendUpdate = () => Promise.reject(new Refusal('unavailable', 'the store is full'))
    const { live } = await open(storage)
    const received: Uint8Array[] = []
    live.peers.add(peer(received))
    const refusals: string[] = []
    const author: Peer = { ...peer(), refuse: (reason) => void refusals.push(reason) }
    live.peers.add(author)
    live.doc.transact(() => void addCard(live.doc, card('a')), author)
    await live.flush()
    expect(received).toHaveLength(0)
    expect(refusals).toEqual(['the store is full'])
  })

  it('an update relayed from another process reaches every peer here but is neither stored nor handed on again', async () => {
    const storage = new MemoryStorage()
    const seen: string[] = []
    const relay: DocExtension = { onUpdate: (_live, _update, origin) => void seen.push(originKind(origin)) }
    const { live } = await open(storage, 'board:s1', [relay])
    const received: Uint8Array[] = []
    live.peers.add(peer(received))

    const elsewhere = new Y.Doc()
    addCard(elsewhere, card('remote'), 1)
    live.applyRemoteUpdate(Y.encodeStateAsUpdate(elsewhere), 'process-b')
    addCard(live.doc, card('local'), 2)
    await live.flush()

    expect(listCards(live.doc).map((c) => c.id)).toEqual(['remote', 'local'])
    expect(received).toHaveLength(2)
    expect(seen).toEqual(['remote', 'server'])
    // Only the local card is stored here: the other process stored its own.
    const copy = new Y.Doc()
    for (const update of await stored(storage)) Y.applyUpdate(copy, update)
    expect(listCards(copy).map((c) => c.id)).toEqual(['local'])
  })

  it(`compacts on load once there are more than ${COMPACT_AFTER_UPDATES} updates, keeping the content`, async () => {
    const storage = new MemoryStorage()
    const { live: writer } = await open(storage)
    const count = COMPACT_AFTER_UPDATES + 1
    for (let i = 0; i < count; i++) addCard(writer.doc, card(`c${String(i).padStart(4, '0')}`), i)
    await writer.flush()
    expect(await stored(storage)).toHaveLength(count)

    const { live: compacted } = await open(storage)
    expect(await stored(storage)).toHaveLength(1)
    expect(listCards(compacted.doc)).toEqual(listCards(writer.doc))

    // Later updates are stored after the merged one, and a later load sees all of it.
    addCard(compacted.doc, card('after'), count)
    await compacted.flush()
    expect(await stored(storage)).toHaveLength(2)
    const { live: reloaded } = await open(storage)
    expect(listCards(reloaded.doc)).toHaveLength(count + 1)
    expect(listCards(reloaded.doc).at(-1)?.id).toBe('after')
  })

  it('does not compact at the threshold itself', async () => {
    const storage = new MemoryStorage()
    const { live: writer } = await open(storage)
    for (let i = 0; i < COMPACT_AFTER_UPDATES; i++) addCard(writer.doc, card(`c${i}`), i)
    await writer.flush()
    await open(storage)
    expect(await stored(storage)).toHaveLength(COMPACT_AFTER_UPDATES)
  })

  it('keeps an update that arrives while compacting', async () => {
    const storage = new MemoryStorage()
    const { live, store } = await open(storage)
    for (let i = 0; i < 5; i++) addCard(live.doc, card(`c${i}`), i)
    const compaction = store.compact(live)
    addCard(live.doc, card('during'), 10)
    await compaction
    await live.flush()

    const { live: reloaded } = await open(storage)
    expect(listCards(reloaded.doc).map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'during'])
    expect((await stored(storage)).length).toBeLessThanOrEqual(2)
  })

  it('compaction keeps an update another process stored that this one has not seen yet', async () => {
    const storage = new MemoryStorage()
    const { live, store } = await open(storage)
    addCard(live.doc, card('here'), 1)
    await live.flush()
    // Another process over the same store appends; its relay has not reached this one.
    const elsewhere = new Y.Doc()
    addCard(elsewhere, card('there'), 2)
    await storage.appendUpdate('board:s1', Y.encodeStateAsUpdate(elsewhere))

    await store.compact(live)
    expect(await stored(storage)).toHaveLength(1)
    const { live: reloaded } = await open(storage)
    expect(listCards(reloaded.doc).map((c) => c.id).sort()).toEqual(['here', 'there'])
  })

  it('snapshots on store only after a change that did not come from the store', async () => {
    const storage = new MemoryStorage()
    const seed = await open(storage, 'board:s2')
    addCard(seed.live.doc, card('a'), 1)
    await seed.live.flush()

    const { live } = await open(storage, 'board:s2', [new SnapshotOnChange(storage, () => 42)])
    await live.store()
    expect(await storage.listSnapshots('board:s2')).toHaveLength(0)
    live.doc.transact(() => void addCard(live.doc, card('b'), 2), SERVER_ORIGIN)
    await live.store()
    await live.store()
    expect(await storage.listSnapshots('board:s2')).toMatchObject([{ at: 42, cards: 2 }])
    Y.applyUpdate(live.doc, new Uint8Array([0, 0]), STORED_ORIGIN)
    await live.store()
    expect(await storage.listSnapshots('board:s2')).toHaveLength(1)
  })
})

describe('LiveDoc presence', () => {
  afterEach(() => void vi.useRealTimers())

  /** A client's awareness, as y-protocols keeps it; `update()` is what it sends. */
  function client(id: number) {
    const doc = new Y.Doc()
    doc.clientID = id
    const awareness = new awarenessProtocol.Awareness(doc)
    clearInterval(awareness._checkInterval)
    return {
      set: (state: Record<string, unknown> | null) => awareness.setLocalState(state),
      update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [id]),
    }
  }
  const statesIn = (messages: Uint8Array[]) =>
    messages.filter((m) => m.length > 3).map((m) => {
      const decoder = decoding.createDecoder(m)
      decoding.readVarUint(decoder)
      return awarenessClientIds(decoding.readVarUint8Array(decoder))
    })

  it('relays a changed presence to every peer, and an unchanged renewal only to peers that want renewals', async () => {
    vi.useFakeTimers()
    const { live } = await open(new MemoryStorage())
    const toLive: Uint8Array[] = []
    const toStandard: Uint8Array[] = []
    const ann = { ...peer(), wantsRenewals: false }
    live.addPeer(ann)
    live.addPeer({ ...peer(toLive), wantsRenewals: false })
    live.addPeer({ ...peer(toStandard), wantsRenewals: true })
    const annAwareness = client(7)

    annAwareness.set({ name: 'Ann', area: 'plenary' })
    awarenessProtocol.applyAwarenessUpdate(live.awareness, annAwareness.update(), ann)
    vi.advanceTimersByTime(AWARENESS_BATCH_MS)
    expect([statesIn(toLive), statesIn(toStandard)]).toEqual([[[7]], [[7]]])

    // y-websocket's 15-second renewal: the same state with a higher clock.
    annAwareness.set({ name: 'Ann', area: 'plenary' })
    awarenessProtocol.applyAwarenessUpdate(live.awareness, annAwareness.update(), ann)
    vi.advanceTimersByTime(AWARENESS_BATCH_MS)
    expect([statesIn(toLive), statesIn(toStandard)]).toEqual([[[7]], [[7], [7]]])

    annAwareness.set({ name: 'Ann', area: 'story' })
    awarenessProtocol.applyAwarenessUpdate(live.awareness, annAwareness.update(), ann)
    vi.advanceTimersByTime(AWARENESS_BATCH_MS)
    expect([statesIn(toLive), statesIn(toStandard)]).toEqual([[[7], [7]], [[7], [7], [7]]])
  })

  it('keeps a presence for as long as its connection, without renewals, and drops it when the peer leaves', async () => {
    vi.useFakeTimers()
    const { live } = await open(new MemoryStorage())
    const ann = { ...peer(), wantsRenewals: false }
    const received: Uint8Array[] = []
    live.addPeer(ann)
    live.addPeer({ ...peer(received), wantsRenewals: false })
    const annAwareness = client(7)
    annAwareness.set({ name: 'Ann' })
    awarenessProtocol.applyAwarenessUpdate(live.awareness, annAwareness.update(), ann)

    vi.advanceTimersByTime(5 * 60_000)
    expect(live.awareness.getStates().get(7)).toEqual({ name: 'Ann' })

    live.removePeer(ann)
    expect(live.awareness.getStates().has(7)).toBe(false)
    vi.advanceTimersByTime(AWARENESS_BATCH_MS)
    expect(statesIn(received).at(-1)).toEqual([7])
  })

  it(`sends a peer that heard nothing for ${KEEPALIVE_MS / 1000} s an empty presence message, so its provider does not give up on the connection`, async () => {
    vi.useFakeTimers()
    const { live } = await open(new MemoryStorage())
    const quiet: Uint8Array[] = []
    const busy: Uint8Array[] = []
    const busyPeer = peer(busy)
    const send = busyPeer.send
    busyPeer.send = (m) => ((busyPeer.sent = true), send(m))
    live.addPeer({ ...peer(quiet), send: (m) => void quiet.push(m) })
    live.addPeer(busyPeer)
    vi.advanceTimersByTime(KEEPALIVE_MS - 1)
    live.doc.transact(() => void addCard(live.doc, card('a')), SERVER_ORIGIN)
    await live.flush()
    vi.advanceTimersByTime(1)
    // The quiet one got the card and then its keep-alive; the busy one had heard the card, and nothing more.
    expect(quiet.map((m) => m[0])).toEqual([0, 1])
    expect(quiet.at(-1)).toEqual(new Uint8Array([1, 1, 0]))
    expect(busy).toHaveLength(1)
  })
})
