import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, Identity, ServerToClientEvents } from '@harvest/shared'
import type { DocRegistry } from './documents/DocRegistry'
import type { OrganiserKey } from './organiser/OrganiserKey'
import type { ControlService } from './control/ControlService'
import type { Storage } from './storage/Storage'
import type { Connections } from './realtime/Connections'
import type { Presence } from './realtime/Presence'
import type { ClusterBus } from './cluster/ClusterBus'

/** What the server stores on each socket after the handshake. */
export interface SocketData {
  identity: Identity
  /** Who holds the connection: "member:<id>" or "invite:<token>". */
  principal: string
}

/** The typed socket.io server of this app. */
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** One client's typed socket on the server. */
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** A board connection, as far as session control needs to reach it. */
export interface BoardLink {
  close(code: number, reason: string): void
}

/** What every handler can reach. */
export interface ServerContext {
  storage: Storage
  presence: Presence
  io: IoServer
  publicUrl: string
  /** The server's clock; tests pass a controllable one. */
  now: () => number
  control: ControlService
  sockets: Connections<IoSocket>
  boards: Connections<BoardLink>
  /** The secret behind anonymous author keys. */
  secret: () => Promise<string>
  /** The shared documents held in memory (board and harvest). */
  docs: DocRegistry
  /** The organiser's key: lists every session and opens any of them. */
  organiser: OrganiserKey
  /** What every server process must hear (one process alone: only itself). */
  bus: ClusterBus
}

/** The socket.io room that holds every connection of one session. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
