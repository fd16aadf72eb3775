import type { BreakoutRound, CityKind, ClientPayload, ControlState, CreateSessionResult, JoinResult, SessionState } from '@harvest/shared'
import { accepted } from './acks'
import { joinAs } from './api'
import { connectSocket, request, type ClientSocket, type TestSocket } from './clients'
import { controlledTime, createSessionWithCities, syncState, type ControlledTime } from './controlWorld'
import { startTestServer, type TestServer } from './testServer'
import { waitFor } from './waitFor'

/** One person of a breakout test: their membership and their open screen. */
export interface Person {
  member: JoinResult['member']
  token: string
  screen: TestSocket
  socket: ClientSocket
}

/** A running session on a server whose clock the test moves, with its lead facilitator online. */
export interface BreakoutWorld {
  time: ControlledTime
  server: TestServer
  created: CreateSessionResult
  fran: Person
  /** The agenda's breakout items: So What and Now What. */
  soWhat: string
  nowWhat: string
  /** The first agenda item, a plenary. */
  plenary: string
  /** Joins a participant (or another role) and opens their screen. */
  join(name: string, city?: string, cityKind?: CityKind | null, role?: 'participant' | 'harvester' | 'observer' | 'facilitator'): Promise<Person>
}

export async function breakoutWorld(): Promise<BreakoutWorld> {
  const time = controlledTime()
  const server = await startTestServer({ now: time.now })
  const created = await createSessionWithCities(server.url)
  const franScreen = await connectSocket(server.url, created.memberToken)
  const fran: Person = { member: created.member, token: created.memberToken, screen: franScreen, socket: franScreen.socket }
  const { agenda } = franScreen.welcome.control
  const breakouts = agenda.filter((item) => item.kind === 'breakout')
  const join: BreakoutWorld['join'] = async (name, city = 'Ghent', cityKind = 'pilot', role = 'participant') => {
    const joined = await joinAs(server.url, created, role, { name, city, cityKind })
    const screen = await connectSocket(server.url, joined.memberToken)
    return { member: joined.member, token: joined.memberToken, screen, socket: screen.socket }
  }
  return { time, server, created, fran, soWhat: breakouts[0]!.id, nowWhat: breakouts[1]!.id, plenary: agenda[0]!.id, join }
}

/** A room as a round is created with it: only the name is required. */
export const roomNamed = (name: string, extra: Partial<ClientPayload<'room:add'>> = {}) => ({ name, ...extra })

/** Creates a round and returns its id. */
export async function createRound(
  socket: ClientSocket,
  itemId: string,
  mode: BreakoutRound['mode'],
  rooms: Array<Partial<ClientPayload<'room:add'>> & { name: string }> = [],
  proposersOpen = false,
): Promise<string> {
  return accepted(await request(socket, 'round:create', { itemId, mode, rooms, proposersOpen })).id
}

/** A round as the server holds it now (through 'session:sync'). */
export async function roundNow(socket: ClientSocket, roundId: string): Promise<BreakoutRound> {
  const round = (await syncState(socket)).control.rounds.find((r) => r.id === roundId)
  if (!round) throw new Error(`no round ${roundId}`)
  return round
}

/** Room names with their members' ids, for compact assertions. */
export const whoIsWhere = (round: BreakoutRound) => Object.fromEntries(round.rooms.map((room) => [room.name, [...room.memberIds].sort()]))

/** The id of a room of a round, by name. */
export function roomId(round: BreakoutRound, name: string): string {
  const room = round.rooms.find((r) => r.name === name)
  if (!room) throw new Error(`no room "${name}" in ${round.rooms.map((r) => r.name).join(', ')}`)
  return room.id
}

/** Everything breakouts sent one screen: the membership deltas and the full control states. */
export interface BreakoutLog {
  rooms: Array<{ roundId: string; rooms: { roomId: string; memberIds: string[] }[] }>
  controls: ControlState[]
}

export function recordBreakouts(socket: ClientSocket): BreakoutLog {
  const log: BreakoutLog = { rooms: [], controls: [] }
  socket.on('rooms:members', (roundId, rooms) => void log.rooms.push({ roundId, rooms }))
  socket.on('control:state', (control) => void log.controls.push(control))
  return log
}

/** Waits until a screen was told that a room holds exactly these people. */
export async function waitForRoom(log: BreakoutLog, roomId: string, memberIds: string[], what = 'room membership'): Promise<void> {
  const wanted = JSON.stringify([...memberIds].sort())
  await waitFor(
    () => log.rooms.some((delta) => delta.rooms.some((r) => r.roomId === roomId && JSON.stringify([...r.memberIds].sort()) === wanted)),
    5_000,
    what,
  )
}

/** The whole state a screen gets now, minus what changes by itself (the server's time). */
export async function stateWithoutTime(socket: ClientSocket): Promise<Omit<SessionState, 'serverNow'>> {
  const { serverNow: _ignored, ...rest } = await syncState(socket)
  return rest
}
