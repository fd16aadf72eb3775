import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { BOARD_CLOSE, LIVENESS_PARAM, addCard, listCards } from '@harvest/shared'
import type { App } from '../app'
import { BOARD_DOCUMENT, boardDocName } from '../documents/documentKinds'
import { SqliteStorage } from '../storage/sqlite'
import { createSession, inviteToken, joinAs } from '../testing/api'
import { cardBy, cardIds, editAndWaitForDrop, openDocument, serverDoc } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, openRawBoardSocket, request, type TestBoard } from '../testing/clients'
import { startTestServer, tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

const card = cardBy
const hasCard = (board: TestBoard | { doc: Y.Doc }, id: string) => cardIds(board.doc).includes(id)

/** A board client as the browser opens it: the connection stands for liveness, and its awareness expires nobody. */
function livenessBoard(url: string, sessionId: string, token: string): TestBoard {
  const board = connectBoard(url, sessionId, token, new Y.Doc(), { [LIVENESS_PARAM.name]: LIVENESS_PARAM.connection })
  clearInterval(board.provider.awareness._checkInterval)
  return board
}

/** The server's own copy of a session's board. */
const serverBoard = (app: App, sessionId: string) => serverDoc(app, boardDocName(sessionId))

/** A board client that may not write, once the server has dropped its answer to the opening sync. */
const connectReadOnly = (app: App, url: string, sessionId: string, token: string) => openDocument(app, url, BOARD_DOCUMENT, sessionId, token, { readOnly: true })

/** A facilitator (Alice's board) and a participant (Bob's board), both synced. */
async function facilitatorAndParticipant() {
  const server = await startTestServer()
  const created = await createSession(server.url)
  const pat = await joinAs(server.url, created, 'participant')
  const alice = connectBoard(server.url, created.session.id, created.memberToken)
  const bob = connectBoard(server.url, created.session.id, pat.memberToken)
  await Promise.all([alice.synced(), bob.synced()])
  return { ...server, created, pat, alice, bob }
}

describe('shared board', () => {
  it('a card added by one person reaches another', async () => {
    const { url, app, created, pat, alice, bob } = await facilitatorAndParticipant()

    const added = addCard(alice.doc, card(created.member, 'c1', 'Green roofs cut summer heat'))
    await waitFor(() => hasCard(bob, 'c1'), 5_000, 'card reaches bob')
    expect(listCards(bob.doc)).toEqual([added])
    expect(listCards(await serverBoard(app, created.session.id))).toEqual([added])

    // And back the other way.
    addCard(bob.doc, card(pat.member, 'c2'))
    await waitFor(() => hasCard(alice, 'c2'), 5_000, 'card reaches alice')
  })

  it('a late joiner receives the cards already on the board', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const alice = connectBoard(url, created.session.id, created.memberToken)
    await alice.synced()
    addCard(alice.doc, card(created.member, 'early'))
    const harvester = await joinAs(url, created, 'harvester')
    const late = connectBoard(url, created.session.id, harvester.memberToken)
    await waitFor(() => hasCard(late, 'early'), 5_000, 'late joiner sees the card')
  })

  it("an observer's card is dropped by the server, while the observer still sees everyone else's", async () => {
    const { url, app } = await startTestServer()
    const created = await createSession(url)
    const id = created.session.id
    const observer = await joinAs(url, created, 'observer')
    const pat = await joinAs(url, created, 'participant')
    const alice = connectBoard(url, id, created.memberToken)
    const bob = connectBoard(url, id, pat.memberToken)
    await Promise.all([alice.synced(), bob.synced()])
    const watcher = await connectReadOnly(app, url, id, observer.memberToken)

    await editAndWaitForDrop(app, boardDocName(id), () => addCard(watcher.doc, card(observer.member, 'from-observer')))
    expect(hasCard(watcher, 'from-observer')).toBe(true) // only in the observer's own copy

    // The server relays in order, so a card relayed after the refusal proves nothing came before it.
    addCard(alice.doc, card(created.member, 'from-facilitator'))
    await waitFor(() => hasCard(bob, 'from-facilitator'), 5_000, 'bob receives the card')
    await waitFor(() => hasCard(watcher, 'from-facilitator'), 5_000, 'observer receives the card')
    expect(cardIds(bob.doc)).toEqual(['from-facilitator'])
    expect(cardIds(alice.doc)).toEqual(['from-facilitator'])
    expect(cardIds(await serverBoard(app, id))).toEqual(['from-facilitator'])

    const fresh = connectBoard(url, id, created.memberToken)
    await fresh.synced()
    expect(cardIds(fresh.doc)).toEqual(['from-facilitator'])
  })

  it('a guest holding only a participant invitation can read but not write', async () => {
    const { url, app } = await startTestServer()
    const created = await createSession(url)
    const id = created.session.id
    const pat = await joinAs(url, created, 'participant')
    const alice = connectBoard(url, id, created.memberToken)
    const bob = connectBoard(url, id, pat.memberToken)
    await Promise.all([alice.synced(), bob.synced()])
    addCard(alice.doc, card(created.member, 'before'))

    const guest = await connectReadOnly(app, url, id, inviteToken(created, 'participant'))
    await waitFor(() => hasCard(guest, 'before'), 5_000, 'guest reads the board')
    await editAndWaitForDrop(app, boardDocName(id), () => addCard(guest.doc, card(pat.member, 'from-guest')))

    addCard(alice.doc, card(created.member, 'after'))
    await waitFor(() => hasCard(bob, 'after'), 5_000, 'bob receives the card')
    await waitFor(() => hasCard(guest, 'after'), 5_000, 'guest keeps receiving')
    expect(cardIds(bob.doc)).toEqual(['before', 'after'])
    expect(cardIds(await serverBoard(app, id))).toEqual(['before', 'after'])
  })

  it.each([
    ['a sync update whose length runs past the frame', [0, 2, 200, 1, 2, 3]],
    ['an unknown message type', [99]],
    ['an unknown sync step', [0, 7, 0]],
    ['an update that is not Yjs', [0, 2, 3, 255, 255, 255]],
  ])('a connection that sends %s is closed with 4400; the board and others carry on', async (_, frame) => {
    const { url, app, created, pat, alice, bob } = await facilitatorAndParticipant()
    addCard(alice.doc, card(created.member, 'kept'))
    await waitFor(() => hasCard(bob, 'kept'), 5_000)

    const raw = await openRawBoardSocket(url, created.session.id, pat.memberToken)
    raw.ws.send(new Uint8Array(frame))
    await waitFor(() => raw.closed, 5_000, 'bad connection closed')
    expect(raw.closed).toEqual({ code: BOARD_CLOSE.malformed.code, reason: BOARD_CLOSE.malformed.reason })

    expect(cardIds(await serverBoard(app, created.session.id))).toEqual(['kept'])
    expect(alice.closed).toBeNull()
    expect(bob.closed).toBeNull()
    addCard(bob.doc, card(pat.member, 'still-working'))
    await waitFor(() => hasCard(alice, 'still-working'), 5_000, 'others still sync')
  })

  it('a text frame is refused with 4400', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const raw = await openRawBoardSocket(url, created.session.id, created.memberToken)
    raw.ws.send('hello')
    await waitFor(() => raw.closed, 5_000, 'closed')
    expect(raw.closed?.code).toBe(4400)
  })

  it('cards survive a server restart on the same database file', async () => {
    const file = path.join(tempDir(), 'harvest.sqlite')
    const first = await startTestServer({ storage: new SqliteStorage(file) })
    const created = await createSession(first.url)
    const before = connectBoard(first.url, created.session.id, created.memberToken)
    await before.synced()
    addCard(before.doc, card(created.member, 'c1', 'first idea'))
    addCard(before.doc, card(created.member, 'c2', 'second idea'))
    await waitFor(async () => cardIds(await serverBoard(first.app, created.session.id)).length === 2, 5_000)
    const expected = listCards(before.doc)
    before.provider.destroy()
    await first.stop()

    const second = await startTestServer({ storage: new SqliteStorage(file) })
    const after = connectBoard(second.url, created.session.id, created.memberToken)
    await after.synced()
    await waitFor(() => cardIds(after.doc).length === 2, 5_000, 'cards after restart')
    expect(listCards(after.doc)).toEqual(expected)
  })
})

describe('presence', () => {
  it('nobody can overwrite another person’s presence on the board', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const ann = await joinAs(url, created, 'participant', { name: 'Ann' })
    const bob = await joinAs(url, created, 'participant', { name: 'Bob' })
    const annBoard = connectBoard(url, created.session.id, ann.memberToken)
    const bobBoard = connectBoard(url, created.session.id, bob.memberToken)
    await Promise.all([annBoard.synced(), bobBoard.synced()])
    annBoard.provider.awareness.setLocalState({ name: 'Ann', area: 'plenary' })
    const annId = annBoard.doc.clientID
    await waitFor(() => bobBoard.provider.awareness.getStates().get(annId)?.name === 'Ann', 5_000, 'Ann present for Bob')

    // A forged presence for Ann's client id, sent on another connection.
    const forger = new Y.Doc()
    forger.clientID = annId
    const forged = new awarenessProtocol.Awareness(forger)
    forged.setLocalState({ name: 'Mallory', area: 'plenary' })
    forged.setLocalState({ name: 'Mallory', area: 'somewhere else' })
    const raw = await openRawBoardSocket(url, created.session.id, bob.memberToken)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(forged, [annId]))
    raw.ws.send(encoding.toUint8Array(encoder))
    forged.destroy()

    // Ann's own later change still gets through, and the forgery never did.
    annBoard.provider.awareness.setLocalStateField('area', 'story')
    await waitFor(() => bobBoard.provider.awareness.getStates().get(annId)?.area === 'story', 5_000, 'Ann’s own update')
    expect(bobBoard.provider.awareness.getStates().get(annId)?.name).toBe('Ann')
    expect(raw.closed).toBeNull()
  })

  it('a connection that stands for liveness hears presence only when it changes; a standard provider also hears the renewals', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const [ann, bob, cleo] = await Promise.all(['Ann', 'Bob', 'Cleo'].map((name) => joinAs(url, created, 'participant', { name })))
    const annBoard = connectBoard(url, created.session.id, ann!.memberToken)
    const bobBoard = livenessBoard(url, created.session.id, bob!.memberToken)
    const cleoBoard = connectBoard(url, created.session.id, cleo!.memberToken)
    await Promise.all([annBoard.synced(), bobBoard.synced(), cleoBoard.synced()])
    const annId = annBoard.doc.clientID
    const heard = { bob: 0, cleo: 0 }
    bobBoard.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => [...added, ...updated].includes(annId) && heard.bob++)
    cleoBoard.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => [...added, ...updated].includes(annId) && heard.cleo++)

    annBoard.provider.awareness.setLocalState({ name: 'Ann', area: 'plenary' })
    await waitFor(() => heard.bob === 1 && heard.cleo === 1, 5_000, 'Ann present for both')
    // What y-websocket's heartbeat sends every 15 seconds: the same state again.
    annBoard.provider.awareness.setLocalState({ name: 'Ann', area: 'plenary' })
    await waitFor(() => heard.cleo === 2, 5_000, 'the renewal for the standard provider')
    annBoard.provider.awareness.setLocalStateField('area', 'story')
    await waitFor(() => bobBoard.provider.awareness.getStates().get(annId)?.area === 'story', 5_000, 'Ann’s move for Bob')
    expect(heard.bob).toBe(2)

    annBoard.provider.destroy()
    await waitFor(() => !bobBoard.provider.awareness.getStates().has(annId), 5_000, 'Ann gone for Bob')
  })

  it('others learn when a member comes online and when they leave', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const pat = await joinAs(url, created, 'participant', { name: 'Pat' })
    const facilitator = await connectSocket(url, created.memberToken)
    expect(facilitator.welcome.members.find((m) => m.id === pat.member.id)?.online).toBe(false)

    const patSocket = await connectSocket(url, pat.memberToken)
    const online = await waitFor(
      () => facilitator.membersChanged.find((members) => members.some((m) => m.id === pat.member.id && m.online)),
      5_000,
      'pat online',
    )
    expect(online.find((m) => m.id === created.member.id)?.online).toBe(true)

    const seen = facilitator.membersChanged.length
    patSocket.socket.disconnect()
    const offline = await waitFor(() => facilitator.membersChanged.slice(seen).at(-1), 5_000, 'pat offline')
    expect(offline.find((m) => m.id === pat.member.id)?.online).toBe(false)
  })

  it('a member with two tabs stays online until both are closed', async () => {
    const { url, app } = await startTestServer()
    const created = await createSession(url)
    const pat = await joinAs(url, created, 'participant')
    const facilitator = await connectSocket(url, created.memberToken)
    const tab1 = await connectSocket(url, pat.memberToken)
    const tab2 = await connectSocket(url, pat.memberToken)
    await waitFor(() => facilitator.membersChanged.length >= 1, 5_000)

    tab1.socket.disconnect()
    // Once the server has dropped the first tab, Pat must still be online and nobody told otherwise.
    await waitFor(() => app.ctx.io.of('/').sockets.size === 2, 5_000, 'server saw tab 1 leave')
    const state = await request(tab2.socket, 'session:sync', {})
    expect(state.ok && state.data.members.find((m) => m.id === pat.member.id)?.online).toBe(true)
    const fromFacilitator = await request(facilitator.socket, 'session:sync', {})
    expect(fromFacilitator.ok && fromFacilitator.data.members.find((m) => m.id === pat.member.id)?.online).toBe(true)
    expect(facilitator.membersChanged).toHaveLength(1)

    tab2.socket.disconnect()
    await waitFor(() => facilitator.membersChanged.length === 2, 5_000, 'offline broadcast')
    expect(facilitator.membersChanged[1]?.find((m) => m.id === pat.member.id)?.online).toBe(false)
  })

  it('a guest connecting does not announce anybody', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const pat = await joinAs(url, created, 'participant')
    const facilitator = await connectSocket(url, created.memberToken)
    await connectSocket(url, inviteToken(created, 'observer'))
    // A member arriving afterwards is the first change the facilitator hears about.
    await connectSocket(url, pat.memberToken)
    await waitFor(() => facilitator.membersChanged.length >= 1, 5_000)
    expect(facilitator.membersChanged).toHaveLength(1)
    expect(facilitator.membersChanged[0]?.find((m) => m.id === pat.member.id)?.online).toBe(true)
  })
})
