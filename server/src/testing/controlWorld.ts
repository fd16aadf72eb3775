import { io } from 'socket.io-client'
import type { City, ControlState, CreateSessionResult, Invite, SessionState, StoryNotes } from '@harvest/shared'
import { requestJson } from './api'
import { track } from './cleanup'
import { followPeople, request, type ClientSocket, type TestSocket } from './clients'
import { waitFor } from './waitFor'

/** A server clock the test moves by hand: pass `now` to `startTestServer`, then `advance`. */
export interface ControlledTime {
  now: () => number
  advance(ms: number): void
}

export function controlledTime(start = 1_700_000_000_000): ControlledTime {
  let t = start
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
  }
}

/** The cities of the test sessions: two pilots (each gets a queued story) and a twin. */
export const TEST_CITIES: City[] = [
  { name: 'Ghent', kind: 'pilot', project: 'Green roofs' },
  { name: 'Turku', kind: 'pilot', project: 'Cool schoolyards' },
  { name: 'Braga', kind: 'twin', twinOf: 'Ghent' },
]

/** Creates a session through POST /api/sessions with a list of cities. */
export async function createSessionWithCities(
  baseUrl: string,
  cities: City[] = TEST_CITIES,
  facilitatorName = 'Fran Facilitator',
): Promise<CreateSessionResult> {
  const response = await requestJson<CreateSessionResult>(baseUrl, 'POST', '/api/sessions', {
    title: 'Cluster 4 harvest',
    cluster: 'Cluster 4: green cities',
    date: '2026-06-14',
    facilitatorName,
    cities,
  })
  if (response.status !== 201) throw new Error(`create session failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** Everything session control sent one client after it was attached, in order of arrival. */
export interface ControlLog {
  controlStates: Array<{ control: ControlState; serverNow: number }>
  notesChanged: Array<{ storyId: string; notes: StoryNotes }>
  invitesChanged: Invite[][]
  youChanged: SessionState['you'][]
  /** Messages of 'session:removed'. */
  removed: string[]
  /** Event names in order of arrival, disconnects as `disconnect:<reason>`. */
  sequence: string[]
}

export function recordControl(socket: ClientSocket): ControlLog {
  const log: ControlLog = { controlStates: [], notesChanged: [], invitesChanged: [], youChanged: [], removed: [], sequence: [] }
  socket.on('control:state', (control, serverNow) => {
    log.controlStates.push({ control, serverNow })
    log.sequence.push('control:state')
  })
  socket.on('notes:changed', (storyId, notes) => {
    log.notesChanged.push({ storyId, notes })
    log.sequence.push('notes:changed')
  })
  socket.on('invites:changed', (invites) => {
    log.invitesChanged.push(invites)
    log.sequence.push('invites:changed')
  })
  socket.on('you:changed', (you) => {
    log.youChanged.push(you)
    log.sequence.push('you:changed')
  })
  socket.on('session:removed', (message) => {
    log.removed.push(message)
    log.sequence.push('session:removed')
  })
  socket.on('session:state', () => void log.sequence.push('session:state'))
  socket.on('disconnect', (reason) => void log.sequence.push(`disconnect:${reason}`))
  return log
}

/** The full state the server gives this client now, through 'session:sync'. */
export async function syncState(socket: ClientSocket): Promise<SessionState> {
  const ack = await request(socket, 'session:sync', {})
  if (!ack.ok) throw new Error(`session:sync refused: ${ack.error} ${ack.message}`)
  return ack.data
}

/**
 * Like `connectSocket`, but the client reconnects by itself after losing its connection,
 * as the browser's does, quickly so tests stay fast.
 */
export async function connectReconnecting(url: string, token: string, timeoutMs = 5_000): Promise<TestSocket> {
  const socket: ClientSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 20,
    reconnectionDelayMax: 50,
    randomizationFactor: 0,
  })
  track(() => void socket.disconnect())
  const states: SessionState[] = []
  const membersChanged = followPeople(socket, states)
  const welcome = await waitFor(() => states[0], timeoutMs, 'session:state welcome')
  return { socket, states, membersChanged, welcome }
}
