import http from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { io } from 'socket.io-client'
import WS from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ControlState, JoinResult } from '@harvest/shared'
import { BOARD_PATH, addCard } from '@harvest/shared'
import { createSession, joinAs } from '../testing/api'
import { disposeAll, track } from '../testing/cleanup'
import type { ClientSocket } from '../testing/clients'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { cardBy, cardIds } from '../testing/boardWorld'
import { recordControl } from '../testing/controlWorld'
import type { HarvestCluster } from '../testing/services/harvestCluster'
import { startHarvestCluster } from '../testing/services/harvestCluster'
import { waitFor } from '../testing/waitFor'

// Failures of a deployment: a server process killed with -9 while 50 people write, and Redis
// restarting mid-session. Real PostgreSQL, Redis, nginx and two server processes.
let cluster: HarvestCluster
beforeAll(async () => {
  cluster = await startHarvestCluster()
}, 240_000)
afterAll(async () => {
  await cluster?.stop()
}, 60_000)
afterEach(disposeAll)
/** A test that kills a process starts it again, also when it fails, so the next test has both. */
let restartVictim = async () => {}
afterEach(async () => restartVictim(), 60_000)

/** A WebSocket class whose connections leave from one loopback address: nginx balances by address. */
const fromAddress = (localAddress: string) =>
  class extends WS {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { localAddress })
    }
  }

/** Which upstream (a server's port) nginx sends a client at this address to. */
function upstreamOf(localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${cluster.nginx.url}/api/demo`, { localAddress }, (response) => {
      response.resume()
      const upstream = String(response.headers['x-harvest-upstream'] ?? '')
      resolve(Number(upstream.split(':').at(-1)))
    })
    request.on('error', reject)
  })
}

/** A person's board through nginx, from their own address, reconnecting by itself as the browser's does. */
function boardThroughNginx(sessionId: string, token: string, localAddress: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${cluster.nginx.url.replace(/^http/, 'ws')}${BOARD_PATH}`, sessionId, doc, {
    params: { token },
    WebSocketPolyfill: fromAddress(localAddress) as unknown as typeof WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  const closes: string[] = []
  provider.on('connection-close', (event: { code?: number; reason?: unknown } | null) => void closes.push(`${event?.code} ${String(event?.reason ?? '')}`))
  track(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider, closes }
}

describe('a deployment under failure', () => {
  it('keeps every acknowledged card when a process is killed with -9 at an arbitrary moment while 50 people write: its clients reconnect through nginx to the other, send what they wrote meanwhile and keep syncing', async () => {
    const [victim, survivor] = cluster.processes
    const created = await createSession(survivor.url)
    const people: (JoinResult & { address: string; upstream: number })[] = []
    for (let i = 0; i < 50; i++) {
      const address = `127.0.0.${10 + i}`
      const joined = await joinAs(survivor.url, created, 'participant', { name: `Person ${i}` })
      people.push({ ...joined, address, upstream: await upstreamOf(address) })
    }
    const onVictim = people.filter((p) => p.upstream === victim.port)
    expect(onVictim.length).toBeGreaterThan(0)
    expect(onVictim.length).toBeLessThan(50)

    // The facilitator watches from the surviving process; a person's control screen sits on the victim.
    const watcher = connectBoard(survivor.url, created.session.id, created.memberToken)
    await watcher.synced(10_000)
    const screenOwner = onVictim[0]!
    const screen: ClientSocket = io(cluster.nginx.url, { auth: { token: screenOwner.memberToken }, transports: ['websocket'], forceNew: true, localAddress: screenOwner.address } as never)
    track(() => void screen.disconnect())
    const welcomes: number[] = []
    screen.on('session:state', () => void welcomes.push(Date.now()))
    await waitFor(() => welcomes.length === 1, 10_000, 'the screen welcomed')

    const boards = people.map((p) => ({ person: p, ...boardThroughNginx(created.session.id, p.memberToken, p.address), written: [] as string[] }))
    await waitFor(() => boards.every((b) => b.provider.synced), 90_000, 'every board synced').catch((error: Error) => {
      throw new Error(`${error.message}: ${boards.filter((b) => !b.provider.synced).length} not synced\n${cluster.processes.map((p) => p.output().slice(-1500)).join('\n---\n')}`)
    })
    const writeRound = (round: number) => {
      for (const b of boards) {
        const id = `${b.person.member.id}-${round}`
        addCard(b.doc, cardBy(b.person.member, id, `card ${round} of ${b.person.member.name}`))
        b.written.push(id)
      }
    }
    // Acknowledged: what the other process has shown the watcher, so it was stored and relayed.
    const acknowledge = (what: string) =>
      waitFor(() => {
        const seen = new Set(cardIds(watcher.doc))
        return boards.every((b) => b.written.every((id) => seen.has(id))) ? [...seen] : null
      }, 60_000, what)
    writeRound(1)
    writeRound(2)
    await acknowledge('the first cards acknowledged')
    // Everyone goes on writing, a round every 100 ms, and the kill falls at an arbitrary moment
    // among those writes: cards the victim is storing, has stored, or has just passed on. None
    // may reach another person before the store has it, or they would bring it to the other
    // process as written in someone else's name and be refused (4422).
    let round = 3
    const writing = setInterval(() => writeRound(round++), 100)
    track(() => clearInterval(writing))
    const killAfterMs = Math.round(50 + Math.random() * 600)
    await new Promise((resolve) => setTimeout(resolve, killAfterMs))
    // Acknowledged: what the other process had shown the watcher when the kill came.
    const acknowledged = cardIds(watcher.doc)
    await victim.kill('SIGKILL')
    restartVictim = async () => {
      restartVictim = async () => {}
      await victim.start()
    }
    // Written while their process is gone: kept in each browser and sent once it reconnects.
    await new Promise((resolve) => setTimeout(resolve, 300))
    clearInterval(writing)
    writeRound(round++)

    const all = boards.flatMap((b) => b.written)
    try {
      await waitFor(() => {
        const seen = new Set(cardIds(watcher.doc))
        return all.every((id) => seen.has(id))
      }, 60_000, 'every card on the surviving process')
    } catch (error) {
      const seen = new Set(cardIds(watcher.doc))
      const missing = boards.flatMap((b) => b.written.filter((id) => !seen.has(id)).map((id) => `${id.slice(-2)}@${b.person.upstream === victim.port ? 'victim' : 'survivor'} connected=${b.provider.wsconnected} synced=${b.provider.synced} own=${cardIds(b.doc).length} closes=${b.closes.slice(-3).join('|')}`))
      throw new Error(`${(error as Error).message} (killed ${killAfterMs} ms into the writes)\nmissing ${missing.length}: ${missing.slice(0, 12).join('; ')}\n${survivor.output().slice(-2000)}`)
    }
    expect(cardIds(watcher.doc)).toEqual(expect.arrayContaining(acknowledged))
    // Every client kept syncing: none was refused, and each one holds every card.
    expect(boards.flatMap((b) => b.closes.filter((close) => close.startsWith('4422')))).toEqual([])
    const holdsAll = (doc: Y.Doc) => {
      const have = new Set(cardIds(doc))
      return all.every((id) => have.has(id))
    }
    await waitFor(() => boards.every((b) => b.provider.synced && holdsAll(b.doc)), 60_000, 'every card at every client').catch((error: Error) => {
      const behind = boards.filter((b) => !b.provider.synced || !holdsAll(b.doc))
      throw new Error(`${error.message} (killed ${killAfterMs} ms into the writes): ${behind.length} behind, e.g. ${behind.slice(0, 5).map((b) => `synced=${b.provider.synced} closes=${b.closes.slice(-3).join('|')}`).join('; ')}`)
    })
    await waitFor(() => welcomes.length >= 2, 30_000, 'the screen welcomed again by the other process')

    // And in the store: the victim, started again, loads every card.
    await restartVictim()
    const reader = connectBoard(victim.url, created.session.id, created.memberToken)
    await reader.synced(20_000)
    expect(cardIds(reader.doc)).toEqual(expect.arrayContaining(all))
  }, 300_000)

  it('loses nothing acknowledged when Redis restarts mid-session, and the processes resume relaying', async () => {
    const [a, b] = cluster.processes
    const created = await createSession(a.url)
    const pat = await joinAs(b.url, created, 'participant', { name: 'Pat' })
    const franBoard = connectBoard(a.url, created.session.id, created.memberToken)
    const patBoard = connectBoard(b.url, created.session.id, pat.memberToken)
    await Promise.all([franBoard.synced(10_000), patBoard.synced(10_000)])
    addCard(franBoard.doc, cardBy(created.member, 'before', 'before the restart'))
    await waitFor(() => cardIds(patBoard.doc).includes('before'), 10_000, 'relayed before')

    await cluster.redis.restart({
      hard: true,
      whileDown: async () => {
        addCard(franBoard.doc, cardBy(created.member, 'during', 'while Redis is away'))
        addCard(patBoard.doc, cardBy(pat.member, 'during-b', 'while Redis is away, on B'))
        await new Promise((resolve) => setTimeout(resolve, 500))
      },
    })
    await waitFor(() => cardIds(patBoard.doc).includes('during') && cardIds(franBoard.doc).includes('during-b'), 30_000, 'what was written while Redis was away')
    addCard(franBoard.doc, cardBy(created.member, 'after', 'after the restart'))
    await waitFor(() => cardIds(patBoard.doc).includes('after'), 30_000, 'relayed after')

    // Session control through the adapter resumes too.
    const fran = await connectSocket(a.url, created.memberToken)
    const patScreen = await connectSocket(b.url, pat.memberToken)
    const patLog = recordControl(patScreen.socket)
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: fran.welcome.control.agenda[0]!.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    await waitFor(() => (patLog.controlStates.at(-1)?.control as ControlState | undefined)?.agenda[0]?.clock.runningSince != null, 20_000, 'the clock on B')
  }, 120_000)
})
