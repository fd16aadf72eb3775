import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { v4 as uuid } from 'uuid'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { PLENARY_AREA, addCard, getCards } from '@harvest/shared'
import { createApp } from '../src/app'
import { createSession } from '../src/sessions/createSession'
import { addMember } from '../src/sessions/joinSession'
import { SqliteStorage } from '../src/storage/sqlite'
import { histogram, mb, percentile } from './stats'

;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

export interface FanoutOptions {
  clients: number
  cards: number
}

/**
 * One writer adds cards one at a time; every other connected board client must receive each.
 * Reports, per card, the time until the last client had it ("every screen updated").
 */
export async function boardFanout({ clients, cards }: FanoutOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-bench-'))
  const storage = new SqliteStorage(path.join(dir, 'bench.sqlite'))
  const app = createApp({ storage })
  const { port } = await app.listen(0, '127.0.0.1')
  const created = await createSession(storage, { title: 'Bench', cluster: 'Bench', date: '2026-12-01', facilitatorName: 'F', cities: [] })
  const sessionId = created.session.id

  const peers: { doc: Y.Doc; provider: WebsocketProvider }[] = []
  for (let i = 0; i < clients; i++) {
    const { memberToken } = await addMember(storage, created.session, { name: `P${i}`, role: 'participant', city: 'Galway', cityKind: 'pilot' })
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/board`, sessionId, doc, {
      params: { token: memberToken },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    })
    peers.push({ doc, provider })
  }
  await Promise.all(peers.map(({ provider }) => new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))))

  const [writer, ...readers] = peers
  const lastArrival: number[] = []
  const each: number[] = []
  for (let i = 0; i < cards; i++) {
    const id = uuid()
    const arrived = readers.map(({ doc }) => waitForCard(doc, id))
    const started = performance.now()
    addCard(writer!.doc, { id, text: `Card ${i}: what we learned`, authorId: 'w', authorName: 'W', city: 'Galway', cityKind: 'pilot', area: PLENARY_AREA })
    const times = await Promise.all(arrived)
    for (const t of times) each.push(t - started)
    lastArrival.push(Math.max(...times) - started)
  }

  const memory = process.memoryUsage()
  console.log(`\nBoard fan-out: ${cards} cards written one by one, ${readers.length} other clients (server and clients in one process)`)
  console.log(`  every screen updated   p50 ${percentile(lastArrival, 50).toFixed(1)} ms   p99 ${percentile(lastArrival, 99).toFixed(1)} ms`)
  console.log(`  each screen            p50 ${percentile(each, 50).toFixed(1)} ms   p99 ${percentile(each, 99).toFixed(1)} ms`)
  console.log(`  process heap ${mb(memory.heapUsed)}, rss ${mb(memory.rss)}`)
  console.log('  time until every screen had the card:')
  console.log(histogram(lastArrival).replace(/^/gm, '    '))

  for (const { provider, doc } of peers) {
    provider.destroy()
    doc.destroy()
  }
  await app.close()
  await storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

function waitForCard(doc: Y.Doc, id: string): Promise<number> {
  const cards = getCards(doc)
  if (cards.has(id)) return Promise.resolve(performance.now())
  return new Promise((resolve) => {
    const observer = () => {
      if (!cards.has(id)) return
      cards.unobserve(observer)
      resolve(performance.now())
    }
    cards.observe(observer)
  })
}
