import { io, type Socket } from 'socket.io-client'
import { WebsocketProvider } from 'y-websocket'
import WS from 'ws'
import * as Y from 'yjs'
import type { Ack, AckOf, ClientEventName, ClientToServerEvents, PresentMember, ServerToClientEvents, SessionState } from '@harvest/shared'
import { BOARD_PATH, applyPeopleChanges } from '@harvest/shared'
import { track } from './cleanup'
import { waitFor } from './waitFor'

// Node 20 has no global WebSocket, and the provider's resync timer refers to it by name.
;(globalThis as { WebSocket?: unknown }).WebSocket ??= WS

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** A connected socket.io client with everything the server has sent it so far. */
export interface TestSocket {
  socket: ClientSocket
  /** Every 'session:state' received, oldest first. */
  states: SessionState[]
  /** The people list after each 'people:changed', applied as a screen applies it, oldest first. */
  membersChanged: PresentMember[][]
  /** The first 'session:state' (the welcome). */
  welcome: SessionState
}

function openSocket(url: string, token: unknown): ClientSocket {
  const socket: ClientSocket = io(url, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  })
  track(() => void socket.disconnect())
  return socket
}

/** Connects with a token and resolves once the server's welcome ('session:state') arrived. */
export async function connectSocket(url: string, token: string, timeoutMs = 5_000): Promise<TestSocket> {
  const socket = openSocket(url, token)
  const states: SessionState[] = []
  const membersChanged = followPeople(socket, states)
  let refused: Error | null = null
  socket.on('connect_error', (error) => (refused = error))
  const welcome = await waitFor(
    () => {
      if (refused) throw refused
      return states[0]
    },
    timeoutMs,
    'session:state welcome',
  )
  return { socket, states, membersChanged, welcome }
}

/**
 * Records every 'session:state' into `states` and returns the people list after each
 * 'people:changed', each applied to the list the client holds then (the last state's, or the
 * result of the change before).
 */
export function followPeople(socket: ClientSocket, states: SessionState[]): PresentMember[][] {
  const lists: PresentMember[][] = []
  let current: PresentMember[] = []
  socket.on('session:state', (state) => {
    states.push(state)
    current = state.members
  })
  socket.on('people:changed', (changes) => {
    current = applyPeopleChanges(current, changes)
    lists.push(current)
  })
  return lists
}

/** Tries to connect and resolves with the connect_error message; fails if the server accepts. */
export function expectConnectError(url: string, token: unknown, timeoutMs = 5_000): Promise<string> {
  const socket = openSocket(url, token)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connect_error')), timeoutMs)
    socket.on('connect', () => {
      clearTimeout(timer)
      reject(new Error('the server accepted the connection'))
    })
    socket.on('connect_error', (error) => {
      clearTimeout(timer)
      resolve(error.message)
    })
  })
}

/** A board client as the browser runs it: a y-websocket provider on its own document. */
export interface TestBoard {
  provider: WebsocketProvider
  doc: Y.Doc
  /** Set when the server closed the connection for good (close codes 4400-4499). */
  closed: { code: number; reason: string } | null
  /** Every close the server sent, those the provider recovers from by itself (1012, 4503…) included. */
  closes: { code: number; reason: string }[]
  /** Resolves once the first sync with the server completed. */
  synced(timeoutMs?: number): Promise<void>
}

/** ws://127.0.0.1:<port>/board, the base URL the provider appends `/<sessionId>` to. */
export const boardBaseUrl = (url: string) => `${url.replace(/^http/, 'ws')}${BOARD_PATH}`

/**
 * Opens the board of a session with a token. BroadcastChannel is disabled: Node has a global
 * one, and two providers in one process would otherwise sync with each other behind the
 * server's back.
 */
export function connectBoard(url: string, sessionId: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestBoard {
  return connectDocument(url, BOARD_PATH, sessionId, token, doc, params)
}

/** Opens a shared document of a session (the board at /board, the harvest at /harvest). */
export function connectDocument(url: string, path: string, sessionId: string, token: string, doc = new Y.Doc(), params: Record<string, string> = {}): TestBoard {
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}${path}`, sessionId, doc, {
    params: { token, ...params },
    WebSocketPolyfill: WS as unknown as typeof WebSocket,
    disableBc: true,
  })
  const link: TestBoard = {
    provider,
    doc,
    closed: null,
    closes: [],
    synced: async (timeoutMs = 5_000) => {
      await waitFor(
        () => {
          if (link.closed) throw new Error(`${path} connection closed: ${link.closed.code} ${link.closed.reason}`)
          return provider.synced
        },
        timeoutMs,
        `${path} sync`,
      )
    },
  }
  provider.on('closed', (event) => (link.closed = event))
  provider.on('connection-close', (event) => event && link.closes.push({ code: event.code, reason: event.reason }))
  track(() => {
    provider.destroy()
    doc.destroy()
  })
  return link
}

/** Opens a raw WebSocket to the board endpoint, to send frames no real client would. */
export async function openRawBoardSocket(url: string, sessionId: string, token: string): Promise<RawBoardSocket> {
  const ws = new WS(`${boardBaseUrl(url)}/${encodeURIComponent(sessionId)}?token=${encodeURIComponent(token)}`)
  const raw: RawBoardSocket = { ws, messages: [], closed: null }
  ws.on('message', (data) => void raw.messages.push(data as Buffer))
  ws.on('close', (code, reason) => (raw.closed = { code, reason: reason.toString() }))
  ws.on('error', () => {})
  track(() => ws.terminate())
  await waitFor(() => ws.readyState === WS.OPEN || raw.closed, 5_000, 'raw socket open')
  return raw
}

export interface RawBoardSocket {
  ws: WS
  messages: Buffer[]
  closed: { code: number; reason: string } | null
}

/** Sends an event and resolves with the server's acknowledgement (fails after `timeoutMs`). */
export function request<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: unknown,
  timeoutMs = 5_000,
): Promise<Ack<AckOf<E>>> {
  const loose = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } }
  return loose.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<AckOf<E>>>
}
