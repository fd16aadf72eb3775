import { WebsocketProvider } from 'y-websocket'
import WS from 'ws'
import * as Y from 'yjs'
import type { Member } from '@harvest/shared'
import { BOARD_CLOSE, BOARD_PATH, addCard, listCards } from '@harvest/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { DOCUMENT_UPDATES_PER_ADDRESS, DOCUMENT_UPDATES_PER_CONNECTION } from '../realtime/RateLimit'
import { createSession, joinAs } from '../testing/api'
import { disposeAll, track } from '../testing/cleanup'
import { connectBoard, type TestBoard } from '../testing/clients'
import { cardBy, serverDoc } from '../testing/boardWorld'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'
import { boardDocName } from './documentKinds'

afterEach(disposeAll)

/** A server behind one trusted proxy whose rate-limit clock stands still unless the test moves it. */
async function world() {
  const clock = { t: 0 }
  const server = await startTestServer({ trustProxy: 1, rateClock: () => clock.t })
  const created = await createSession(server.url)
  const id = created.session.id
  const serverCards = async () => listCards(await serverDoc(server.app, boardDocName(id))).length
  return { server, created, id, clock, serverCards }
}

/** The board as a browser behind the proxy opens it: the proxy forwards its address. */
function boardFrom(url: string, sessionId: string, token: string, address: string): TestBoard {
  class Forwarded extends WS {
    constructor(target: string, protocols?: string | string[]) {
      super(target, protocols, { headers: { 'x-forwarded-for': address } })
    }
  }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}${BOARD_PATH}`, sessionId, doc, {
    params: { token },
    WebSocketPolyfill: Forwarded as unknown as typeof WebSocket,
    disableBc: true,
  })
  const link: TestBoard = {
    provider,
    doc,
    closed: null,
    closes: [],
    synced: async () => {
      await waitFor(() => provider.synced, 5_000, 'board sync')
    },
  }
  provider.on('closed', (event) => (link.closed = event))
  track(() => {
    provider.destroy()
    doc.destroy()
  })
  return link
}

/** Writes `count` cards, each its own change (one frame each), as a person adding them one by one. */
function writeCards(board: TestBoard, author: Member, prefix: string, count: number): void {
  for (let i = 0; i < count; i++) addCard(board.doc, cardBy(author, `${prefix}-${i}`))
}

describe('board updates are rate limited', () => {
  it('lets normal work through, closes a flood with 4429 and its reason, and loses nothing on the next connection', async () => {
    const { server, created, id, clock, serverCards } = await world()
    const ann = await joinAs(server.url, created, 'participant', { name: 'Ann' })
    const bob = await joinAs(server.url, created, 'participant', { name: 'Bob' })
    const annBoard = connectBoard(server.url, id, ann.memberToken)
    const bobBoard = connectBoard(server.url, id, bob.memberToken)
    await Promise.all([annBoard.synced(), bobBoard.synced()])

    // A busy person: 150 cards and presence moving all the while, in no time at all.
    writeCards(annBoard, ann.member, 'ann', 150)
    for (let i = 0; i < 300; i++) annBoard.provider.awareness.setLocalState({ name: 'Ann', area: i % 2 ? 'plenary' : 'room-1' })
    await waitFor(async () => (await serverCards()) === 150, 10_000, 'Ann’s 150 cards on the server')
    expect(annBoard.closed).toBeNull()

    // Beyond the burst (the opening sync counted one), the connection is closed with the contract's code.
    writeCards(annBoard, ann.member, 'flood', 100)
    await waitFor(() => annBoard.closed, 10_000, 'Ann’s connection closed')
    expect(annBoard.closed).toEqual({ code: BOARD_CLOSE.rateLimited.code, reason: BOARD_CLOSE.rateLimited.reason })
    const kept = await serverCards()
    expect(kept).toBe(DOCUMENT_UPDATES_PER_CONNECTION.burst - 1)

    // Nobody else pays for it.
    addCard(bobBoard.doc, cardBy(bob.member, 'bob-1'))
    await waitFor(async () => (await serverCards()) === kept + 1, 5_000, 'Bob’s card on the server')
    expect(bobBoard.closed).toBeNull()

    // A moment later the same document reconnects and its sync brings every refused card in one update.
    clock.t += 1000
    annBoard.provider.connect()
    await waitFor(async () => (await serverCards()) === 250 + 1, 10_000, 'every card of Ann’s on the server')
  })

  it('limits all the connections from one address together', async () => {
    const { server, created, id, serverCards } = await world()
    const perConnection = 190
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => joinAs(server.url, created, 'participant', { name: `P${i}` })))
    const boards = people.map((p, i) => boardFrom(server.url, id, p.memberToken, i < 11 ? '203.0.113.7' : '198.51.100.20'))
    await Promise.all(boards.map((b) => b.synced()))

    // Ten people behind one address stay within what it may send together (each sync counts one).
    for (let i = 0; i < 10; i++) writeCards(boards[i]!, people[i]!.member, `p${i}`, perConnection)
    await waitFor(async () => (await serverCards()) === 10 * perConnection, 60_000, 'ten people’s cards')
    // The eleventh goes over the address's budget although its own connection has room left.
    writeCards(boards[10]!, people[10]!.member, 'p10', perConnection)
    await waitFor(() => boards[10]!.closed, 10_000, 'the eleventh connection closed')
    expect(boards[10]!.closed?.code).toBe(BOARD_CLOSE.rateLimited.code)
    const fromAddress = DOCUMENT_UPDATES_PER_ADDRESS.burst - boards.length + 1 // every sync from that address took one
    expect(await serverCards()).toBe(fromAddress)
    expect(boards.slice(0, 10).every((b) => b.closed === null)).toBe(true)

    // Someone at another address writes as usual.
    writeCards(boards[11]!, people[11]!.member, 'p11', 5)
    await waitFor(async () => (await serverCards()) === fromAddress + 5, 5_000, 'the other address’s cards')
  }, 90_000)
})
