import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, Identity, ServerToClientEvents } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import type { Presence } from './Presence'

/** What the server stores on each socket after the handshake. */
export interface SocketData {
  identity: Identity
}

/** The typed socket.io server of this app. */
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** One client's typed socket on the server. */
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** What every handler can reach. */
export interface ServerContext {
  storage: Storage
  presence: Presence
  io: IoServer
  publicUrl: string
}

/** The socket.io room that holds every connection of one session. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
