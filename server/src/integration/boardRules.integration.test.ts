import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Card, HarvestEntry } from '@harvest/shared'
import {
  BOARD_CLOSE,
  LIMITS,
  addCard,
  deleteCard,
  editCardText,
  getCard,
  getCards,
  getSummary,
  listCards,
  listEntries,
  promote,
  readSummary,
  updateCard,
} from '@harvest/shared'
import { encodeUpdate } from '../documents/protocol'
import { SqliteStorage } from '../storage/sqlite'
import { createSession, joinAs } from '../testing/api'
import { accepted } from '../testing/acks'
import { boardOfThree, cardBy, cardIds, cardTexts, connectHarvest, editAndWaitForDrop, serverDoc } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, openRawBoardSocket, request } from '../testing/clients'
import { spawnServer } from '../testing/serverProcess'
import { startTestServer, tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

const REFUSED = BOARD_CLOSE.refused.code

/** Waits until every document lists exactly the same cards (and `until` holds of them), and returns them. */
async function converged(docs: Y.Doc[], until: (cards: Card[]) => boolean = () => true, what = 'every client has the same cards'): Promise<Card[]> {
  return waitFor(
    () => {
      const [first, ...rest] = docs.map((d) => JSON.stringify(listCards(d)))
      const cards = listCards(docs[0]!)
      return rest.every((other) => other === first) && until(cards) ? cards : null
    },
    5_000,
    what,
  )
}

/** Every text a card has had in one document, to prove a refused text never showed up there. */
function textHistory(doc: Y.Doc, cardId: string): string[] {
  const seen = [getCard(doc, cardId)?.text ?? '']
  getCards(doc).observeDeep(() => seen.push(getCard(doc, cardId)?.text ?? ''))
  return seen
}

describe('board rules over real connections', () => {
  it.each([
    ['edit', (doc: Y.Doc) => void updateCard(doc, 'a1', { text: 'Bob rewrote it' })],
    ['delete', (doc: Y.Doc) => void deleteCard(doc, 'a1')],
  ])("a participant's %s of another participant's card closes their connection with 4422, and nobody sees it", async (_, change) => {
    const { ann, boards, board } = await boardOfThree()
    addCard(boards.ann.doc, cardBy(ann.member, 'a1', 'Ann wrote this'))
    await waitFor(() => cardIds(boards.bob.doc).includes('a1') && cardIds(boards.fran.doc).includes('a1'), 5_000, 'card reaches all')
    const seenByFran = textHistory(boards.fran.doc, 'a1')

    change(boards.bob.doc)
    await waitFor(() => boards.bob.closed, 5_000, "Bob's connection closed")
    expect(boards.bob.closed).toEqual({ code: REFUSED, reason: 'you can only change your own cards' })
    expect(getCard(await board(), 'a1')?.text).toBe('Ann wrote this')

    // The server relays in order, so Ann's next edit reaching Fran proves nothing of Bob's came first.
    editCardText(boards.ann.doc, 'a1', 'Ann, still the author')
    await waitFor(() => getCard(boards.fran.doc, 'a1')?.text === 'Ann, still the author', 5_000, 'Ann edits on')
    expect(seenByFran).toEqual(['Ann wrote this', 'Ann, still the author'])
    expect(boards.ann.closed).toBeNull()
    expect(boards.fran.closed).toBeNull()
  })

  it.each([
    ['name', { authorName: 'Ann' }, "a new card carries your own name (Bob), not someone else's"],
    ['city', { city: 'Ghent' }, 'a new card carries your own city (Turku)'],
    ['city kind', { cityKind: 'twin' as const }, 'a new card carries your own city’s pilot or twin status'],
  ])("refuses a participant's card written under another %s, with the reason", async (_, forged, reason) => {
    const { bob, boards, board } = await boardOfThree()
    addCard(boards.bob.doc, cardBy(bob.member, 'forged', 'Not really mine to sign', forged))
    await waitFor(() => boards.bob.closed, 5_000, "Bob's connection closed")
    expect(boards.bob.closed).toEqual({ code: REFUSED, reason })
    expect(cardIds(await board())).toEqual([])
  })

  it("refuses a participant renaming the author or city of their own card", async () => {
    const { ann, boards, board } = await boardOfThree()
    addCard(boards.ann.doc, cardBy(ann.member, 'a1', 'Ann wrote this'))
    await waitFor(() => cardIds(boards.fran.doc).includes('a1'), 5_000, 'card reaches Fran')
    getCards(boards.ann.doc).get('a1')!.set('authorName', 'Someone else')
    await waitFor(() => boards.ann.closed, 5_000, "Ann's connection closed")
    expect(boards.ann.closed).toEqual({ code: REFUSED, reason: 'a card keeps its author' })
    expect(getCard(await board(), 'a1')).toMatchObject({ authorName: 'Ann', city: 'Ghent', cityKind: 'pilot' })
  })

  it("fills the author's name, city and city kind from the member record when a client leaves them out", async () => {
    const { ann, boards } = await boardOfThree()
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({ text: 'Only the text', authorId: ann.member.id, area: 'plenary', createdAt: 1, updatedAt: 1 })) map.set(key, value)
    getCards(boards.ann.doc).set('bare', map)
    const filled = await waitFor(() => {
      const card = getCard(boards.fran.doc, 'bare')
      return card?.city ? card : null
    }, 5_000, 'the server signs the card')
    expect(filled).toMatchObject({ authorName: 'Ann', city: 'Ghent', cityKind: 'pilot' })
    expect(boards.ann.closed).toBeNull()
  })

  it('after a rename the board reconnects and takes cards under the new name', async () => {
    const { url, created, id, ann, boards } = await boardOfThree()
    const fran = await connectSocket(url, created.memberToken)
    accepted(await request(fran.socket, 'member:rename', { memberId: ann.member.id, name: 'Ann Peeters' }))
    // A fresh connection stands for the browser's board after it reconnected.
    const again = connectBoard(url, id, ann.memberToken)
    await again.synced()
    addCard(again.doc, cardBy({ ...ann.member, name: 'Ann Peeters' }, 'renamed', 'Under my new name'))
    await waitFor(() => getCard(boards.fran.doc, 'renamed')?.authorName === 'Ann Peeters', 5_000, 'card under the new name')
    expect(again.closed).toBeNull()
  })

  it('accepts card text of 2,000 characters and refuses 2,001 with 4422 and the reason', async () => {
    const { ann, bob, boards, board } = await boardOfThree()
    // addCard trims to the limit, so the over-long card is written field by field, as a modified client could.
    const rawCard = (id: string, text: string) => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ ...cardBy(ann.member, id), text, createdAt: 1, updatedAt: 1 })) if (key !== 'id') map.set(key, value)
      getCards(boards.ann.doc).set(id, map)
    }
    rawCard('full', 'x'.repeat(LIMITS.cardTextMax))
    await waitFor(() => getCard(boards.fran.doc, 'full')?.text.length === 2_000, 5_000, 'a full card is accepted')

    rawCard('too-long', 'x'.repeat(LIMITS.cardTextMax + 1))
    await waitFor(() => boards.ann.closed, 5_000, "Ann's connection closed")
    expect(boards.ann.closed).toEqual({ code: REFUSED, reason: 'card text is over 2,000 characters' })
    expect(cardIds(await board())).toEqual(['full'])
    // Only Ann's connection paid: the others carry on.
    addCard(boards.bob.doc, cardBy(bob.member, 'b1'))
    await waitFor(() => cardIds(boards.fran.doc).includes('b1'), 5_000, 'others still sync')
    expect(cardIds(boards.fran.doc)).toEqual(['full', 'b1'])
  })

  it('a frame over 1 MB closes only that connection with 4413; the board and the others are intact', async () => {
    const { url, id, ann, bob, boards, board } = await boardOfThree()
    addCard(boards.ann.doc, cardBy(ann.member, 'kept'))
    await waitFor(() => cardIds(boards.bob.doc).includes('kept'), 5_000, 'card reaches Bob')

    const raw = await openRawBoardSocket(url, id, bob.memberToken)
    raw.ws.send(Buffer.alloc(LIMITS.boardFrameMaxBytes + 1))
    await waitFor(() => raw.closed, 5_000, 'oversized connection closed')
    expect(raw.closed).toEqual(BOARD_CLOSE.tooLarge)

    expect(cardIds(await board())).toEqual(['kept'])
    addCard(boards.bob.doc, cardBy(bob.member, 'after'))
    await waitFor(() => cardIds(boards.fran.doc).includes('after') && cardIds(boards.ann.doc).includes('after'), 5_000, 'others still sync')
    expect(Object.values(boards).map((b) => b.closed)).toEqual([null, null, null])
  })

  it('a truncated update closes the connection with 4400 and nothing of it is applied', async () => {
    const { url, id, ann, bob, boards, board } = await boardOfThree()
    addCard(boards.ann.doc, cardBy(ann.member, 'kept'))
    await waitFor(async () => cardIds(await board()).includes('kept'), 5_000, 'card on the server')

    // A real update of Bob's, cut short as a broken connection or client might send it.
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(boards.bob.doc))
    const before = Y.encodeStateVector(scratch)
    addCard(scratch, cardBy(bob.member, 'half', 'half of this arrives'))
    const frame = encodeUpdate(Y.encodeStateAsUpdate(scratch, before))
    const raw = await openRawBoardSocket(url, id, bob.memberToken)
    raw.ws.send(frame.slice(0, Math.floor(frame.length / 2)))
    await waitFor(() => raw.closed, 5_000, 'bad connection closed')
    expect(raw.closed).toEqual({ code: BOARD_CLOSE.malformed.code, reason: BOARD_CLOSE.malformed.reason })

    expect(cardIds(await board())).toEqual(['kept'])
    expect(getCards(await board()).has('half')).toBe(false)
    addCard(boards.bob.doc, cardBy(bob.member, 'whole'))
    await waitFor(() => cardIds(boards.fran.doc).includes('whole'), 5_000, 'others still sync')
    expect(cardIds(boards.fran.doc)).toEqual(['kept', 'whole'])
  })

  it('stores card text with markup verbatim: the server neither strips nor refuses it', async () => {
    const { url, id, created, ann, boards, board } = await boardOfThree()
    const text = '<img src=x onerror=alert(1)> <script>alert("x")</script> & <b>bold</b> &amp; \u202e'
    addCard(boards.ann.doc, cardBy(ann.member, 'markup', text))
    await waitFor(() => cardIds(boards.bob.doc).includes('markup'), 5_000, 'card reaches Bob')

    expect(getCard(await board(), 'markup')?.text).toBe(text)
    expect(getCard(boards.bob.doc, 'markup')?.text).toBe(text)
    expect(boards.ann.closed).toBeNull()
    const late = connectBoard(url, id, created.memberToken)
    await late.synced()
    expect(getCard(late.doc, 'markup')?.text).toBe(text)
  })
})

describe('the harvest document', () => {
  const entry = (id: string, text: string, promotedBy: string): HarvestEntry => ({
    id,
    source: 'insight',
    sourceId: '',
    section: 'so_what',
    text,
    kind: 'insight',
    cities: ['Ghent'],
    levers: ['governance'],
    key: false,
    promotedBy,
    promotedAt: Date.now(),
  })

  async function harvestSession() {
    const server = await startTestServer()
    const created = await createSession(server.url)
    const id = created.session.id
    const hana = await joinAs(server.url, created, 'harvester', { name: 'Hana' })
    const pat = await joinAs(server.url, created, 'participant', { name: 'Pat' })
    const olly = await joinAs(server.url, created, 'observer', { name: 'Olly' })
    const harvester = await connectHarvest(server.app, server.url, id, hana.memberToken)
    const participant = await connectHarvest(server.app, server.url, id, pat.memberToken, { readOnly: true })
    const observer = await connectHarvest(server.app, server.url, id, olly.memberToken, { readOnly: true })
    return { ...server, created, id, hana, pat, olly, harvester, participant, observer }
  }

  it("a harvester's promotion reaches participants and observers live", async () => {
    const { hana, harvester, participant, observer } = await harvestSession()
    const promoted = promote(harvester.doc, entry('e1', 'Retrofits stall on permits', hana.member.id))
    getSummary(harvester.doc, 'overall').insert(0, 'Permits are the common thread.')

    await waitFor(() => listEntries(participant.doc).length === 1 && listEntries(observer.doc).length === 1, 5_000, 'entry reaches all')
    expect(listEntries(participant.doc)).toEqual([promoted])
    expect(listEntries(observer.doc)).toEqual([promoted])
    await waitFor(() => readSummary(participant.doc, 'overall') === 'Permits are the common thread.', 5_000, 'summary reaches Pat')
  })

  it("a participant's and an observer's changes are dropped: nobody else sees them and the server does not keep them", async () => {
    const { app, url, id, created, hana, pat, olly, harvester, participant, observer } = await harvestSession()
    const docName = `harvest:${id}`
    await editAndWaitForDrop(app, docName, () => promote(participant.doc, entry('from-pat', 'Pat was here', pat.member.id)))
    await editAndWaitForDrop(app, docName, () => {
      promote(observer.doc, entry('from-olly', 'Olly was here', olly.member.id))
      getSummary(observer.doc, 'what').insert(0, 'Olly rewrote the summary')
    })

    // The harvester's next entry arrives after the dropped ones were handled.
    promote(harvester.doc, entry('from-hana', 'Hana promoted this', hana.member.id))
    await waitFor(() => listEntries(participant.doc).some((e) => e.id === 'from-hana'), 5_000, 'Pat receives it')
    await waitFor(() => listEntries(observer.doc).some((e) => e.id === 'from-hana'), 5_000, 'Olly receives it')

    const ids = (doc: Y.Doc) => listEntries(doc).map((e) => e.id).sort()
    expect(ids(harvester.doc)).toEqual(['from-hana'])
    expect(ids(participant.doc)).toEqual(['from-hana', 'from-pat']) // only in Pat's own copy
    expect(ids(observer.doc)).toEqual(['from-hana', 'from-olly'])
    expect(ids(await serverDoc(app, docName))).toEqual(['from-hana'])
    expect(readSummary(await serverDoc(app, docName), 'what')).toBe('')
    expect([participant.closed, observer.closed]).toEqual([null, null])

    const fresh = await connectHarvest(app, url, id, created.memberToken)
    expect(ids(fresh.doc)).toEqual(['from-hana'])
    expect(readSummary(fresh.doc, 'what')).toBe('')
  })
})

describe('offline edits and durability', () => {
  it('two participants editing apart, one offline, converge on both sets of edits after reconnecting', async () => {
    const { ann, bob, boards, board } = await boardOfThree()
    addCard(boards.ann.doc, cardBy(ann.member, 'a1', 'Ann before'))
    addCard(boards.bob.doc, cardBy(bob.member, 'b1', 'Bob before'))
    await converged([boards.ann.doc, boards.bob.doc, boards.fran.doc, await board()])

    boards.ann.provider.disconnect()
    editCardText(boards.ann.doc, 'a1', 'Ann, edited offline')
    addCard(boards.ann.doc, cardBy(ann.member, 'a2', 'Ann, new offline'))
    editCardText(boards.bob.doc, 'b1', 'Bob, edited meanwhile')
    addCard(boards.bob.doc, cardBy(bob.member, 'b2', 'Bob, new meanwhile'))
    await waitFor(() => cardIds(boards.fran.doc).includes('b2'), 5_000, "Bob's edits reach Fran")
    expect(cardIds(boards.fran.doc)).not.toContain('a2')
    expect(cardTexts(boards.ann.doc)).not.toContain('Bob, edited meanwhile')

    boards.ann.provider.connect()
    const cards = await converged([boards.ann.doc, boards.bob.doc, boards.fran.doc, await board()], undefined, 'all converge after reconnecting')
    expect(cards.map((c) => [c.id, c.text]).sort()).toEqual([
      ['a1', 'Ann, edited offline'],
      ['a2', 'Ann, new offline'],
      ['b1', 'Bob, edited meanwhile'],
      ['b2', 'Bob, new meanwhile'],
    ])
    expect(Object.values(boards).map((b) => b.closed)).toEqual([null, null, null])
  })

  it('cards added, edited and deleted through a provider are there after a restart on the same SQLite file', async () => {
    const file = path.join(tempDir(), 'harvest.sqlite')
    const first = await startTestServer({ storage: new SqliteStorage(file) })
    const created = await createSession(first.url)
    const pat = await joinAs(first.url, created, 'participant', { name: 'Pat' })
    const writer = connectBoard(first.url, created.session.id, pat.memberToken)
    await writer.synced()
    addCard(writer.doc, cardBy(pat.member, 'c1', 'first idea'))
    addCard(writer.doc, cardBy(pat.member, 'c2', 'second idea'))
    addCard(writer.doc, cardBy(pat.member, 'c3', 'withdrawn'))
    editCardText(writer.doc, 'c2', 'second idea, sharpened')
    deleteCard(writer.doc, 'c3')
    const expected = listCards(writer.doc)
    await waitFor(async () => JSON.stringify(listCards(await serverDoc(first.app, `board:${created.session.id}`))) === JSON.stringify(expected), 5_000, 'server has it all')
    writer.provider.destroy()
    await first.stop()

    const second = await startTestServer({ storage: new SqliteStorage(file) })
    const reader = connectBoard(second.url, created.session.id, created.memberToken)
    await reader.synced()
    await waitFor(() => cardIds(reader.doc).length === 2, 5_000, 'cards after restart')
    expect(listCards(reader.doc)).toEqual(expected)
  })

  it('every card the server relayed survives SIGKILL of the real server process', { timeout: 90_000 }, async () => {
    const dataDir = tempDir('harvest-crash-')
    const first = await spawnServer(dataDir)
    const created = await createSession(first.url)
    const pat = await joinAs(first.url, created, 'participant', { name: 'Pat' })
    const writer = connectBoard(first.url, created.session.id, pat.memberToken)
    const watcher = connectBoard(first.url, created.session.id, created.memberToken)
    await Promise.all([writer.synced(30_000), watcher.synced(30_000)])
    for (let i = 0; i < 20; i++) addCard(writer.doc, cardBy(pat.member, `c${String(i).padStart(2, '0')}`, `idea ${i}`))
    editCardText(writer.doc, 'c00', 'idea 0, edited')
    deleteCard(writer.doc, 'c19')
    const expected = listCards(writer.doc)
    await waitFor(() => JSON.stringify(listCards(watcher.doc)) === JSON.stringify(expected), 10_000, 'the server relayed everything')

    // Not a correctness wait: a second of quiet, then a crash with no chance to save anything.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    writer.provider.destroy()
    watcher.provider.destroy()
    await first.kill('SIGKILL')

    const second = await spawnServer(dataDir)
    const reader = connectBoard(second.url, created.session.id, created.memberToken)
    await reader.synced(30_000)
    await waitFor(() => cardIds(reader.doc).length === expected.length, 10_000, `cards after the crash:\n${second.output()}`)
    expect(listCards(reader.doc)).toEqual(expected)
  })
})

describe('board history over sockets', () => {
  /** Three people with cards on the board, the facilitator and Ann also on session control. */
  async function boardWithHistory() {
    const world = await boardOfThree()
    const { url, created, ann, bob, boards } = world
    addCard(boards.ann.doc, cardBy(ann.member, 'a1', 'Ann’s learning'))
    addCard(boards.bob.doc, cardBy(bob.member, 'b1', 'Bob’s challenge'))
    addCard(boards.fran.doc, cardBy(created.member, 'f1', 'Fran’s prompt'))
    const docs = [...Object.values(boards).map((b) => b.doc), await world.board()]
    const original = await converged(docs, (cards) => cards.length === 3, 'three cards everywhere')
    const fran = await connectSocket(url, created.memberToken)
    const annSocket = await connectSocket(url, ann.memberToken)
    return { ...world, original, docs, fran, annSocket }
  }

  it('lists a snapshot of the board now, shows a deleted card as removed and restores it for everyone', async () => {
    const { boards, original, docs, fran } = await boardWithHistory()
    const snapshots = accepted(await request(fran.socket, 'snapshots:list', {}))
    expect(snapshots[0]).toMatchObject({ cards: 3 })
    const snapshotId = snapshots[0]!.id

    deleteCard(boards.ann.doc, 'a1')
    await converged(docs, (cards) => !cards.some((c) => c.id === 'a1'), 'deletion reaches all')
    const a1 = original.find((c) => c.id === 'a1')!
    expect(accepted(await request(fran.socket, 'snapshot:diff', { snapshotId }))).toEqual({ added: [], removed: [a1], changed: [] })

    expect(accepted(await request(fran.socket, 'snapshot:restoreCard', { snapshotId, cardId: 'a1' }))).toBeNull()
    expect(await converged(docs, (cards) => cards.length === 3, 'a1 back everywhere')).toEqual(original)

    // The restored card is still Ann's to edit.
    editCardText(boards.ann.doc, 'a1', 'Ann, after the restore')
    await waitFor(() => getCard(boards.bob.doc, 'a1')?.text === 'Ann, after the restore', 5_000, 'Ann edits her restored card')
    expect(boards.ann.closed).toBeNull()
  })

  it('restores the whole board for every client, and the state before the restore can be restored back', async () => {
    const { created, ann, bob, boards, original, docs, fran } = await boardWithHistory()
    const snapshotId = accepted(await request(fran.socket, 'snapshots:list', {}))[0]!.id

    editCardText(boards.ann.doc, 'a1', 'Ann changed her mind')
    deleteCard(boards.bob.doc, 'b1')
    addCard(boards.bob.doc, cardBy(bob.member, 'b2', 'Bob’s second thought'))
    addCard(boards.fran.doc, cardBy(created.member, 'f2', 'Fran’s follow-up'))
    addCard(boards.ann.doc, cardBy(ann.member, 'a2', 'Ann’s addition'))
    const changed = await converged(docs, (cards) => cards.length === 5, 'changes reach all')

    expect(accepted(await request(fran.socket, 'snapshot:restore', { snapshotId }))).toBeNull()
    const restored = await converged(docs, (cards) => cards.length === 3, 'every client back at the snapshot')
    expect(restored).toEqual(original)

    // The restore kept a snapshot of the board just before it: restoring that brings the changes back.
    const history = accepted(await request(fran.socket, 'snapshots:list', {}))
    const beforeRestore = history.find((s) => s.cards === 5)
    expect(beforeRestore).toBeDefined()
    accepted(await request(fran.socket, 'snapshot:restore', { snapshotId: beforeRestore!.id }))
    expect(await converged(docs, (cards) => cards.length === 5, 'changes back everywhere')).toEqual(changed)
    expect(Object.values(boards).map((b) => b.closed)).toEqual([null, null, null])
  })

  it('refuses a participant every history event, and the board stays as it is', async () => {
    const { boards, original, docs, fran, annSocket } = await boardWithHistory()
    const snapshotId = accepted(await request(fran.socket, 'snapshots:list', {}))[0]!.id
    deleteCard(boards.ann.doc, 'a1')
    await converged(docs, (cards) => cards.length === 2, 'deletion reaches all')

    for (const [event, payload] of [
      ['snapshots:list', {}],
      ['snapshot:diff', { snapshotId }],
      ['snapshot:restoreCard', { snapshotId, cardId: 'a1' }],
      ['snapshot:restore', { snapshotId }],
    ] as const) {
      const ack = await request(annSocket.socket, event, payload)
      expect(ack, event).toMatchObject({ ok: false, error: 'forbidden' })
    }
    expect(cardIds(boards.fran.doc)).toEqual(original.filter((c) => c.id !== 'a1').map((c) => c.id))
    expect(cardIds(docs.at(-1)!)).toEqual(['b1', 'f1'])
  })
})
