import { io } from 'socket.io-client'
import type { SessionState } from '@harvest/shared'
import type { ClientSocket, TestBoard } from './clients'
import { connectBoard } from './clients'
import { track } from './cleanup'

/** A socket.io client that reconnects as the browser's does, counting every welcome it gets. */
export interface ReconnectingSocket {
  socket: ClientSocket
  /** Every 'session:state' received: one per (re)connection. */
  welcomes: SessionState[]
  /** Why each connection ended, as socket.io-client names it ("transport close", "io server disconnect"…). */
  disconnects: string[]
  /** How many times the server said it was restarting. */
  restartNotices: number
}

/** Opens socket.io with the client app's own reconnection behaviour (socket.io's defaults). */
export function openReconnectingSocket(url: string, token: string): ReconnectingSocket {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true })
  const link: ReconnectingSocket = { socket, welcomes: [], disconnects: [], restartNotices: 0 }
  socket.on('server:restarting', () => void link.restartNotices++)
  socket.on('session:state', (state) => void link.welcomes.push(state))
  socket.on('disconnect', (reason) => void link.disconnects.push(reason))
  track(() => void socket.disconnect())
  return link
}

/** A board provider (which reconnects by itself) that also records every close code it heard. */
export interface WatchedBoard extends TestBoard {
  closeCodes: number[]
}

export function openWatchedBoard(url: string, sessionId: string, token: string): WatchedBoard {
  const board = connectBoard(url, sessionId, token)
  const watched: WatchedBoard = Object.assign(board, { closeCodes: [] as number[] })
  board.provider.on('connection-close', (event) => event && watched.closeCodes.push(event.code))
  return watched
}

/** Whether a board provider is connected and synced with the server right now. */
export const isSynced = (board: TestBoard) => board.provider.wsconnected && board.provider.synced
