import { v4 as uuid } from 'uuid'
import * as Y from 'yjs'
import { PLENARY_AREA, addCard, getCards, listCards } from '@harvest/shared'
import { boardDocName } from '../src/documents/documentKinds'
import { SERVER_ORIGIN } from '../src/documents/serverOrigin'
import { LiveDoc } from '../src/documents/LiveDoc'
import { StoreUpdates } from '../src/documents/storeUpdates'
import { benchServer, boardClient, inBatches } from './fixture'
import { histogram, mb, percentile } from './stats'

const KINDS = ['outcome', 'learning', 'challenge', 'insight', 'idea'] as const
const CITIES = ['Cluj-Napoca', 'Galway', 'Istanbul', 'Kraków', 'Belfast', 'Mytilene']

export interface BoardScaleOptions {
  cards: number
  clients: number
  samples: number
}

/** Figures for a large board: joining, memory, and one card reaching every connected client. */
export async function boardScale({ cards, clients, samples }: BoardScaleOptions): Promise<{ sessionId: string; url: string; token: string; stop: () => Promise<void> }> {
  const server = await benchServer()
  const sessionId = server.created.session.id
  const live = await server.app.docs.open(boardDocName(sessionId))
  live.doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const city = CITIES[i % CITIES.length]!
      addCard(live.doc, {
        id: uuid(), text: `Card ${i}: what ${city} learned about retrofitting apartment blocks and engaging residents early.`,
        kind: KINDS[i % KINDS.length]!, authorId: 'seed', authorName: `Writer ${i % 40}`, city, cityKind: i % 3 ? 'pilot' : 'twin', area: PLENARY_AREA,
      }, 1_700_000_000_000 + i)
    }
  }, SERVER_ORIGIN)
  await live.flush()

  // Memory of the server's document: load it afresh from the store and weigh the heap around it.
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage().heapUsed
  const weighed = new LiveDoc(boardDocName(sessionId), [new StoreUpdates(server.storage)])
  await weighed.load()
  gc?.()
  const docBytes = process.memoryUsage().heapUsed - before
  const stateBytes = Y.encodeStateAsUpdate(weighed.doc).byteLength
  weighed.destroy()

  const joins: number[] = []
  const reads: number[] = []
  for (let i = 0; i < 5; i++) {
    const { memberToken } = await server.join({ name: `Joiner ${i}`, role: 'participant', city: 'Galway', cityKind: 'pilot' })
    const started = performance.now()
    const client = boardClient(server.wsUrl, sessionId, memberToken)
    await client.synced
    joins.push(performance.now() - started)
    const readStart = performance.now()
    const list = listCards(client.doc)
    reads.push(performance.now() - readStart)
    if (list.length !== cards) throw new Error(`joined with ${list.length} cards, expected ${cards}`)
    client.destroy()
  }

  console.log(`\nBoard of ${cards.toLocaleString('en')} cards`)
  console.log(`  server document in memory   ${gc ? mb(docBytes) : '(run with --expose-gc)'}   encoded state ${mb(stateBytes)}`)
  console.log(`  joining client: initial sync p50 ${percentile(joins, 50).toFixed(0)} ms (max ${Math.max(...joins).toFixed(0)} ms), reading all cards ${percentile(reads, 50).toFixed(0)} ms`)

  const tokens = await inBatches(Array.from({ length: clients }, (_, i) => i), 50, async (i) =>
    (await server.join({ name: `P${i}`, role: 'participant', city: CITIES[i % CITIES.length]!, cityKind: 'pilot' })).memberToken)
  const peers = await inBatches(tokens, 25, async (token) => {
    const client = boardClient(server.wsUrl, sessionId, token)
    await client.synced
    return client
  })
  const [writer, ...readers] = peers
  // The board only accepts cards written in the writer's own name.
  const writerMember = (await server.storage.listMembers(sessionId)).find((m) => m.name === 'P0')!
  const fanOut = async (label: string) => {
    const everyScreen: number[] = []
    for (let i = 0; i < samples; i++) {
      const id = uuid()
      const arrived = readers.map(({ doc }) => arrival(doc, id))
      const started = performance.now()
      addCard(writer!.doc, { id, text: `Live card ${label} ${i}`, authorId: writerMember.id, authorName: 'P0', city: writerMember.city, cityKind: 'pilot', area: PLENARY_AREA })
      const times = await Promise.all(arrived)
      everyScreen.push(Math.max(...times) - started)
    }
    return everyScreen
  }
  const quiet = await fanOut('quiet')
  console.log(`  a card added by one client reaching all ${readers.length} others (${samples} cards):`)
  console.log(`    p50 ${percentile(quiet, 50).toFixed(1)} ms   p99 ${percentile(quiet, 99).toFixed(1)} ms`)
  console.log(histogram(quiet).replace(/^/gm, '    '))

  // The same while the facilitator downloads the report again and again (Word and HTML in turn):
  // building and rendering run in the report worker, so live cards should barely notice.
  let downloading = true
  let reports = 0
  const downloads = (async () => {
    for (let i = 0; downloading; i++) {
      const format = i % 2 === 0 ? 'docx' : 'html'
      const response = await fetch(`${server.url}/api/sessions/${sessionId}/report.${format}`, { headers: { authorization: `Bearer ${server.created.memberToken}` } })
      if (!response.ok) throw new Error(`report.${format} answered ${response.status}`)
      await response.arrayBuffer()
      reports++
    }
  })()
  const busy = await fanOut('busy')
  downloading = false
  await downloads
  for (const peer of peers) peer.destroy()
  console.log(`  the same while ${reports} reports of this ${cards.toLocaleString('en')}-card board were downloaded (goal: p99 no more than 50 ms above the quiet run):`)
  console.log(`    p50 ${percentile(busy, 50).toFixed(1)} ms   p99 ${percentile(busy, 99).toFixed(1)} ms   (p99 +${(percentile(busy, 99) - percentile(quiet, 99)).toFixed(1)} ms)`)

  const { memberToken } = await server.join({ name: 'Browser', role: 'participant', city: 'Galway', cityKind: 'pilot' })
  return { sessionId, url: server.url, token: memberToken, stop: () => server.stop() }
}

function arrival(doc: Y.Doc, id: string): Promise<number> {
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
