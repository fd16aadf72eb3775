import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Identity, Member } from '@harvest/shared'
import { addCard, listCards } from '@harvest/shared'
import { MemoryStorage } from '../storage/memory'
import { cardBy, cardIds } from '../testing/boardWorld'
import { CatchUpFromStore } from './catchUpFromStore'
import type { DocExtension } from './DocExtension'
import { CATCHING_UP, DocumentPeer, HELD_MAX_BYTES, RefusedChange, type FrameFailure } from './DocumentPeer'
import { BOARD_DOCUMENT } from './documentKinds'
import { CATCH_UP_SPACING_MS, LiveDoc } from './LiveDoc'
import { encodeUpdate } from './protocol'
import { StoreUpdates } from './storeUpdates'
import { waitFor } from '../testing/waitFor'

// Two processes over one store, without a relay between them: what another process stored and
// passed to its own peers, then died before relaying, arrives here first in a peer's change.

const member = (id: string, name: string): Member => ({ id, sessionId: 's1', name, role: 'participant', city: 'Ghent', cityKind: 'pilot', joinedAt: 0 })
const ann = member('m-ann', 'Ann')
const pat = member('m-pat', 'Pat')
const identity = (m: Member): Identity => ({ kind: 'member', sessionId: 's1', role: m.role, member: m })

const opened: LiveDoc[] = []
afterEach(() => {
  for (const live of opened.splice(0)) live.destroy()
})
async function openProcess(storage: MemoryStorage, more: DocExtension[] = []): Promise<LiveDoc> {
  const live = new LiveDoc('board:s1', [new StoreUpdates(storage), ...more])
  opened.push(live)
  await live.load()
  return live
}

/** Pat's connection to a process, as the endpoint opens it; what closes it is recorded. */
function connect(live: LiveDoc, who: Member) {
  const failures: FrameFailure[] = []
  const peer = new DocumentPeer(live, () => {}, BOARD_DOCUMENT.access(identity(who), 'secret', () => undefined), true, (error) => void failures.push(error))
  peer.start()
  return { peer, failures }
}

/** Ann wrote on the process that died: it stored her card and passed it to Pat, and relayed it to nobody. */
async function annsCardStoredAndPassedToPat(storage: MemoryStorage): Promise<Y.Doc> {
  const dying = await openProcess(storage)
  addCard(dying.doc, cardBy(ann, 'ann-1', 'stored, not relayed'))
  await dying.flush()
  const patsCopy = new Y.Doc()
  Y.applyUpdate(patsCopy, Y.encodeStateAsUpdate(dying.doc))
  addCard(patsCopy, cardBy(pat, 'pat-1', 'written after'))
  return patsCopy
}

/** The catch-up, counting how often it reads the store. */
function countingCatchUp(storage: MemoryStorage) {
  const extension = new CatchUpFromStore(storage)
  const counting = { reads: 0, onCatchUp: (live: LiveDoc) => (counting.reads++, extension.onCatchUp(live)) }
  return counting
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('a process catching up from the store before it refuses a change', () => {
  it('takes a change that brings a card another process stored but never relayed, once it has read the store', async () => {
    const storage = new MemoryStorage()
    const survivor = await openProcess(storage, [new CatchUpFromStore(storage)])
    const patsCopy = await annsCardStoredAndPassedToPat(storage)

    const { peer, failures } = connect(survivor, pat)
    peer.receive(encodeUpdate(Y.encodeStateAsUpdate(patsCopy, Y.encodeStateVector(survivor.doc))))
    await survivor.flush()
    await settle()

    expect(failures).toEqual([])
    expect(cardIds(survivor.doc).sort()).toEqual(['ann-1', 'pat-1'])
    expect(listCards(survivor.doc).find((card) => card.id === 'ann-1')?.authorName).toBe('Ann')
    // Pat's own card is stored by this process; Ann's was stored already and is not stored twice.
    const reread = await openProcess(storage)
    expect(cardIds(reread.doc).sort()).toEqual(['ann-1', 'pat-1'])
    expect((await storage.loadUpdates('board:s1')).updates).toHaveLength(2)
  })

  it('without a catch-up (one process) refuses the same change at once, as a card in someone else’s name', async () => {
    const storage = new MemoryStorage()
    const survivor = await openProcess(storage)
    const patsCopy = await annsCardStoredAndPassedToPat(storage)

    const { peer } = connect(survivor, pat)
    expect(() => peer.receive(encodeUpdate(Y.encodeStateAsUpdate(patsCopy, Y.encodeStateVector(survivor.doc))))).toThrow(
      new RefusedChange('a new card must carry your own name'),
    )
    expect(cardIds(survivor.doc)).toEqual([])
  })

  it('still refuses a card in someone else’s name that the store does not hold, and changes nothing', async () => {
    const storage = new MemoryStorage()
    const survivor = await openProcess(storage, [new CatchUpFromStore(storage)])
    const forged = new Y.Doc()
    addCard(forged, cardBy(ann, 'forged', 'Pat writing as Ann'))

    const { peer, failures } = connect(survivor, pat)
    peer.receive(encodeUpdate(Y.encodeStateAsUpdate(forged)))
    await settle()

    expect(failures.map((failure) => [failure.constructor.name, failure.message])).toEqual([['RefusedChange', 'a new card must carry your own name']])
    expect(cardIds(survivor.doc)).toEqual([])
    expect((await storage.loadUpdates('board:s1')).updates).toEqual([])
  })

  it('holds the frames that arrive while it reads the store and handles them afterwards, in order', async () => {
    const storage = new MemoryStorage()
    const survivor = await openProcess(storage, [new CatchUpFromStore(storage)])
    const patsCopy = await annsCardStoredAndPassedToPat(storage)

    const { peer, failures } = connect(survivor, pat)
    peer.receive(encodeUpdate(Y.encodeStateAsUpdate(patsCopy, Y.encodeStateVector(survivor.doc))))
    // Pat's next card builds on the first; it waits behind it rather than being judged alone.
    const before = Y.encodeStateVector(patsCopy)
    addCard(patsCopy, cardBy(pat, 'pat-2', 'right after'))
    peer.receive(encodeUpdate(Y.encodeStateAsUpdate(patsCopy, before)))
    expect(cardIds(survivor.doc)).toEqual([])
    await survivor.flush()
    await settle()

    expect(failures).toEqual([])
    expect(cardIds(survivor.doc).sort()).toEqual(['ann-1', 'pat-1', 'pat-2'])
  })

  it('many connections refused at the same time cost two reads of the store, not one each', async () => {
    const storage = new MemoryStorage()
    const counting = countingCatchUp(storage)
    const survivor = await openProcess(storage, [counting])
    const patsCopy = await annsCardStoredAndPassedToPat(storage)
    const frame = encodeUpdate(Y.encodeStateAsUpdate(patsCopy, Y.encodeStateVector(survivor.doc)))

    const connections = Array.from({ length: 20 }, () => connect(survivor, pat))
    for (const { peer } of connections) peer.receive(frame)
    await waitFor(() => counting.reads === 2 && cardIds(survivor.doc).length === 2, 5_000, 'every connection judged again')
    await settle()

    expect(connections.flatMap((c) => c.failures)).toEqual([])
    expect(cardIds(survivor.doc).sort()).toEqual(['ann-1', 'pat-1'])
    // The first reads the store; the others asked while it ran and share the one read after it.
    expect(counting.reads).toBe(2)
  })

  it('asks a connection that sends more than it may while it waits to send again later, and holds nothing of it', async () => {
    const storage = new MemoryStorage()
    const survivor = await openProcess(storage, [new CatchUpFromStore(storage)])
    const patsCopy = await annsCardStoredAndPassedToPat(storage)
    const { peer, failures } = connect(survivor, pat)
    peer.receive(encodeUpdate(Y.encodeStateAsUpdate(patsCopy, Y.encodeStateVector(survivor.doc))))
    const megabyte = new Uint8Array(1024 * 1024)
    for (let sent = 0; sent <= HELD_MAX_BYTES; sent += megabyte.byteLength) peer.receive(megabyte)

    expect(failures.map((failure) => [failure.constructor.name, failure.message])).toEqual([['NotSavedNow', CATCHING_UP]])
    await settle()
    // The catch-up still brings what the store holds; nothing of Pat's waiting frames was applied.
    expect(cardIds(survivor.doc)).toEqual(['ann-1'])
    expect(failures).toHaveLength(1)
  })

  it('reads the store at most once per spacing for a writer refused again and again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] })
    try {
      const storage = new MemoryStorage()
      const counting = countingCatchUp(storage)
      const survivor = await openProcess(storage, [counting])
      const forged = new Y.Doc()
      addCard(forged, cardBy(ann, 'forged', 'Pat writing as Ann'))
      const frame = encodeUpdate(Y.encodeStateAsUpdate(forged))
      const refusedOnce = async () => {
        const { peer, failures } = connect(survivor, pat)
        peer.receive(frame)
        for (let i = 0; i < 20 && failures.length === 0; i++) await vi.advanceTimersByTimeAsync(50)
        return failures
      }

      expect(await refusedOnce()).toHaveLength(1)
      expect(counting.reads).toBe(1)
      // Refused again at once: its read waits for the spacing to pass, then it is refused all the same.
      expect(await refusedOnce()).toHaveLength(1)
      expect(counting.reads).toBe(2)
      expect(performance.now()).toBeGreaterThanOrEqual(CATCH_UP_SPACING_MS)
      expect(cardIds(survivor.doc)).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })
})
