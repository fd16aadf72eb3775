import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents, SessionState } from '@harvest/shared'
import { benchServer, inBatches } from './fixture'
import { histogram, percentile } from './stats'

type Client = Socket<ServerToClientEvents, ClientToServerEvents>

export interface BreakoutScaleOptions {
  participants: number
  rooms: number
  moves: number
}

async function connect(url: string, token: string): Promise<{ socket: Client; state: SessionState }> {
  const socket: Client = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false })
  const state = await new Promise<SessionState>((resolve, reject) => {
    socket.once('session:state', resolve)
    socket.once('connect_error', reject)
  })
  return { socket, state }
}

function ok<T>(reply: Ack<T>): T {
  if (!reply.ok) throw new Error(reply.message)
  return reply.data
}

/**
 * An All-Cluster open-space round at scale: every participant connected over socket.io, rooms
 * open, people moving one at a time. Measures the time from a move until every screen (all
 * participants and the facilitator's overview) has received it.
 */
export async function breakoutScale({ participants, rooms, moves }: BreakoutScaleOptions): Promise<void> {
  const server = await benchServer()
  const facilitator = await connect(server.url, server.created.memberToken)
  const breakoutItem = facilitator.state.control.agenda.find((i) => i.kind === 'breakout')!
  const roundId = ok(await facilitator.socket.emitWithAck('round:create', {
    itemId: breakoutItem.id,
    mode: 'open_space',
    proposersOpen: false,
    rooms: Array.from({ length: rooms }, (_, i) => ({ name: `Topic ${i + 1}`, topic: '', link: null, capacity: null, hostId: null, harvesterId: null })),
  })).id
  ok(await facilitator.socket.emitWithAck('round:open', { roundId }))
  const roomIds = ok(await facilitator.socket.emitWithAck('session:sync', {})).control.rounds[0]!.rooms.map((r) => r.id)

  const tokens = await inBatches(Array.from({ length: participants }, (_, i) => i), 50, async (i) =>
    (await server.join({ name: `Person ${i}`, role: 'participant', city: `City ${i % 40}`, cityKind: i % 4 ? 'pilot' : 'twin' })).memberToken)
  const people = await inBatches(tokens, 25, (token) => connect(server.url, token))
  const screens = [facilitator.socket, ...people.map((p) => p.socket)]

  const fillStart = performance.now()
  await inBatches(people, 50, ({ socket }, i) => socket.emitWithAck('room:join', { roundId, roomId: roomIds[i % rooms]! }).then(ok))
  const fillMs = performance.now() - fillStart

  const samples: number[] = []
  for (let m = 0; m < moves; m++) {
    const mover = people[(m * 7) % people.length]!
    const memberId = mover.state.you.memberId!
    const target = roomIds[(m * 13 + 5) % rooms]!
    const seen = screens.map((socket) => movedInto(socket, memberId, target))
    const started = performance.now()
    const reply = await mover.socket.emitWithAck('room:join', { roundId, roomId: target })
    if (!reply.ok) { seen.forEach((s) => s.cancel()); continue }
    const times = await Promise.all(seen.map((s) => s.arrived))
    samples.push(Math.max(...times) - started)
  }

  console.log(`\nOpen-space breakouts: ${participants} participants and a facilitator connected, ${rooms} rooms`)
  console.log(`  everyone choosing a room at once: ${fillMs.toFixed(0)} ms for all ${participants} joins`)
  console.log(`  one move reaching every screen (${samples.length} moves, ${screens.length} screens):`)
  console.log(`    p50 ${percentile(samples, 50).toFixed(1)} ms   p99 ${percentile(samples, 99).toFixed(1)} ms`)
  console.log(histogram(samples).replace(/^/gm, '    '))

  for (const socket of screens) socket.disconnect()
  await server.stop()
}

/** Resolves with the time a screen learns that `memberId` is now in room `roomId`. */
function movedInto(socket: Client, memberId: string, roomId: string) {
  let listener: ((roundId: string, rooms: { roomId: string; memberIds: string[] }[]) => void) | null = null
  const arrived = new Promise<number>((resolve) => {
    listener = (_roundId, rooms) => {
      if (!rooms.some((r) => r.roomId === roomId && r.memberIds.includes(memberId))) return
      socket.off('rooms:members', listener!)
      resolve(performance.now())
    }
    socket.on('rooms:members', listener)
  })
  return { arrived, cancel: () => listener && socket.off('rooms:members', listener) }
}
