import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { CardKind, JoinResult, Lever } from '@harvest/shared'
import { BOARD_PATH, CARD_KINDS, LEVERS, PLENARY_AREA, addCard } from '@harvest/shared'

/** Joins a session through POST /api/join with an invitation token, as the join page does. */
export async function joinByApi(baseUrl: string, token: string, name: string, city: string, cityKind: 'pilot' | 'twin'): Promise<JoinResult> {
  const response = await fetch(`${baseUrl}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name, city, cityKind }),
  })
  if (response.status !== 201) throw new Error(`join failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as JoinResult
}

const CITIES: [string, 'pilot' | 'twin'][] = [
  ['Cluj-Napoca', 'pilot'], ['Galway', 'pilot'], ['Istanbul', 'pilot'], ['Rzeszów', 'pilot'],
  ['Limerick', 'twin'], ['Kraków', 'twin'], ['Izmir', 'twin'], ['Turku', 'twin'],
]

const OPENINGS = [
  'One-stop shop for home retrofits',
  'Citizen assemblies on the heat plan',
  'Green bonds for school renovations',
  'Data sharing agreement with the grid operator',
  'Neighbourhood energy coaches',
  'Procurement rules slowed the pilot',
  'Twin city visit changed our approach',
  'Municipal staff trained on life-cycle costing',
]
const MIDDLES = [
  'worked because trust came from people people already knew',
  'needs a clearer mandate from the city council before it can scale',
  'showed that small grants unlock private money faster than we expected',
  'is blocked until national rules on shared heat networks change',
  'brought in households that never answer surveys',
  'could be copied by the twin cities with little adaptation',
]

/** A plausible card text; every seventh one is long, to see clamping at work. */
function textFor(i: number): string {
  const base = `${OPENINGS[i % OPENINGS.length]} ${MIDDLES[(i * 5) % MIDDLES.length]}.`
  return i % 7 === 3 ? `${base} ${'We learned that the first conversations matter most, and that a named person at the city hall who answers the phone makes all the difference for residents and businesses alike. '.repeat(2)}` : base
}

/**
 * Writes `count` cards from eight cities through y-websocket, as eight participants' browsers
 * would: every card under its author's own member id, so the server's board rules accept it.
 */
export async function seedCards(baseUrl: string, sessionId: string, participantToken: string, count: number): Promise<void> {
  const writers = await Promise.all(CITIES.map(([city, kind], i) => joinByApi(baseUrl, participantToken, `Writer ${i + 1}`, city, kind)))
  await Promise.all(
    writers.map(async (writer, w) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}${BOARD_PATH}`, sessionId, doc, {
        params: { token: writer.memberToken },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))
      doc.transact(() => {
        for (let i = w; i < count; i += writers.length) {
          const kind: CardKind | null = i % 11 === 10 ? null : CARD_KINDS[(i * 7) % CARD_KINDS.length]!
          const levers: Lever[] = i % 3 === 0 ? [LEVERS[i % LEVERS.length]!] : i % 5 === 0 ? [LEVERS[1]!, LEVERS[4]!] : []
          const { member } = writer
          addCard(doc, { id: `seed-${i}`, text: textFor(i), kind, levers, authorId: member.id, authorName: member.name, city: member.city, cityKind: member.cityKind, area: PLENARY_AREA }, Date.now() + i)
        }
      })
      // Wait until the server has everything: a fresh client syncing shows the same count.
      await new Promise((resolve) => setTimeout(resolve, 300))
      provider.destroy()
      doc.destroy()
    }),
  )
}
