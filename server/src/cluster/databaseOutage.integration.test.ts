import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WS from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ControlState, StoreStatus } from '@harvest/shared'
import { BOARD_CLOSE, STORE_PROBLEM_MESSAGE, addCard } from '@harvest/shared'
import { createSession, joinAs, requestJson } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll, track } from '../testing/cleanup'
import { boardBaseUrl, connectBoard, connectSocket, request } from '../testing/clients'
import { recordControl } from '../testing/controlWorld'
import type { HarvestCluster } from '../testing/services/harvestCluster'
import { startHarvestCluster } from '../testing/services/harvestCluster'
import { waitFor } from '../testing/waitFor'
import { boardDocName } from '../documents/documentKinds'
import { PostgresStorage } from '../storage/postgres/PostgresStorage'

// PostgreSQL restarting mid-session under two server processes: real PostgreSQL, Redis, nginx
// and two processes, as a deployment runs them.
let cluster: HarvestCluster
beforeAll(async () => {
  cluster = await startHarvestCluster()
}, 240_000)
afterAll(async () => {
  await cluster?.stop()
}, 60_000)
afterEach(disposeAll)

const unavailable = STORE_PROBLEM_MESSAGE.unavailable
const health = (url: string) => requestJson<StoreStatus>(url, 'GET', '/api/health')

/**
 * A person's board as y-websocket's provider keeps it: sent back because the store cannot be
 * reached (4503, a "try again later" code), it keeps its copy and reconnects by itself, and the
 * sync on reconnecting sends whatever the server lacks. Every close is recorded.
 */
function patientBoard(url: string, sessionId: string, token: string) {
  const doc = new Y.Doc()
  const closes: { code: number; reason: string }[] = []
  const provider = new WebsocketProvider(boardBaseUrl(url), sessionId, doc, {
    params: { token },
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  provider.on('connection-close', (event) => void (event && closes.push({ code: event.code, reason: event.reason })))
  track(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider, closes, refusals: () => closes.filter((c) => c.code === BOARD_CLOSE.storeUnavailable.code) }
}

/** The card ids PostgreSQL itself holds for a board, read with a connection of the test's own. */
async function storedCardIds(sessionId: string): Promise<string[]> {
  const store = await PostgresStorage.open(cluster.databaseUrl, { max: 1 })
  try {
    const doc = new Y.Doc()
    for (const update of (await store.loadUpdates(boardDocName(sessionId))).updates) Y.applyUpdate(doc, update)
    return cardIds(doc)
  } finally {
    await store.close()
  }
}

describe('a deployment whose PostgreSQL is briefly away', () => {
  it('refuses changes with the reason while it is away, says so on /api/health, and afterwards holds every card on both processes and in the store, and session control works again', async () => {
    const [a, b] = cluster.processes
    const created = await createSession(a.url)
    const pat = await joinAs(b.url, created, 'participant', { name: 'Pat' })
    const sam = await joinAs(b.url, created, 'participant', { name: 'Sam' })
    // Fran facilitates on A; Pat writes on B, where Sam only watches.
    const fran = patientBoard(a.url, created.session.id, created.memberToken)
    const patBoard = patientBoard(b.url, created.session.id, pat.memberToken)
    const samBoard = patientBoard(b.url, created.session.id, sam.memberToken)
    const boards = { fran, pat: patBoard, sam: samBoard }
    await waitFor(() => Object.values(boards).every((board) => board.provider.synced), 10_000, 'every board synced')
    addCard(fran.doc, cardBy(created.member, 'before-a', 'before, on A'))
    addCard(patBoard.doc, cardBy(pat.member, 'before-b', 'before, on B'))
    await waitFor(() => cardIds(patBoard.doc).includes('before-a') && cardIds(fran.doc).includes('before-b'), 10_000, 'relayed before')
    expect((await health(a.url)).status).toBe(200)
    const franScreen = await connectSocket(a.url, created.memberToken)
    const patScreen = await connectSocket(b.url, pat.memberToken)
    const patLog = recordControl(patScreen.socket)
    const agendaItem = franScreen.welcome.control.agenda[0]!.id

    const during = ['during-a', 'during-b', 'during-b2']
    await cluster.postgres.restart({
      whileDown: async () => {
        // The first write on each process fails: its writer is told why (4503) and keeps the card.
        addCard(fran.doc, cardBy(created.member, 'during-a', 'while PostgreSQL is away, on A'))
        addCard(patBoard.doc, cardBy(pat.member, 'during-b', 'while PostgreSQL is away, on B'))
        await waitFor(() => fran.refusals().length > 0 && patBoard.refusals().length > 0, 20_000, 'both writers told')
        for (const process of [a, b]) {
          const troubled = await health(process.url)
          expect(troubled.status, `health of :${process.port}`).toBe(503)
          expect(troubled.body).toMatchObject({ ok: false, store: 'unavailable', message: unavailable })
        }
        expect([...fran.refusals(), ...patBoard.refusals()].every((c) => c.reason === unavailable)).toBe(true)
        // A card written now stays with its writer: no connection opens while the store cannot
        // tell who is connecting, and the card goes with the sync once one does.
        addCard(patBoard.doc, cardBy(pat.member, 'during-b2', 'later while PostgreSQL is away, on B'))
        // Session control refuses with the same reason.
        const clock = await request(franScreen.socket, 'clock:command', { target: { kind: 'item', id: agendaItem }, command: { op: 'start' } })
        expect(clock).toEqual({ ok: false, error: 'unavailable', message: unavailable })
        // Nothing unstored reached anyone else, on the other process or the same one.
        expect(cardIds(fran.doc)).not.toContain('during-b')
        expect(cardIds(samBoard.doc)).not.toContain('during-b')
        expect(cardIds(patBoard.doc)).not.toContain('during-a')
      },
    })

    // PostgreSQL is back: each process finds out by itself, within its next probes.
    for (const process of [a, b]) {
      await waitFor(async () => (await health(process.url)).status === 200, 20_000, `health of :${process.port} again`).catch((error: Error) => {
        throw new Error(`${error.message}\n${process.output().slice(-3000)}`)
      })
    }
    addCard(fran.doc, cardBy(created.member, 'after-a', 'after, on A'))
    addCard(patBoard.doc, cardBy(pat.member, 'after-b', 'after, on B'))
    const all = ['before-a', 'before-b', ...during, 'after-a', 'after-b']
    const holdsAll = (doc: Y.Doc) => {
      const have = new Set(cardIds(doc))
      return all.every((id) => have.has(id))
    }
    // Held cards too: each one went out once written, and what its writer wrote next builds on it.
    await waitFor(() => Object.values(boards).every((board) => holdsAll(board.doc)), 30_000, 'every card on every board').catch((error: Error) => {
      const state = ([name, board]: [string, typeof fran]) =>
        `${name} lacks [${all.filter((id) => !cardIds(board.doc).includes(id)).join(',')}] (connected=${board.provider.wsconnected} closes=${JSON.stringify(board.closes.map((c) => c.code))})`
      throw new Error(`${error.message}: ${Object.entries(boards).map(state).join('; ')}\n${a.output().slice(-2000)}\n---\n${b.output().slice(-2000)}`)
    })
    // In the store, and so for a reader who opens the board fresh on either process.
    let stored: string[] = []
    await waitFor(
      async () => {
        stored = await storedCardIds(created.session.id)
        return all.every((id) => stored.includes(id))
      },
      20_000,
      'every card in PostgreSQL',
    ).catch((error: Error) => {
      throw new Error(`${error.message}: stored [${stored.join(',')}]`)
    })
    for (const process of [a, b]) {
      const reader = connectBoard(process.url, created.session.id, created.memberToken)
      await reader.synced(10_000)
      expect(cardIds(reader.doc)).toEqual(expect.arrayContaining(all))
    }

    // Session control works again, across processes.
    expect(await request(franScreen.socket, 'clock:command', { target: { kind: 'item', id: agendaItem }, command: { op: 'start' } })).toMatchObject({ ok: true })
    await waitFor(() => (patLog.controlStates.at(-1)?.control as ControlState | undefined)?.agenda[0]?.clock.runningSince != null, 20_000, 'the clock on B')
  }, 180_000)
})
