import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { BOARD_CLOSE, BOARD_PATH, LIMITS, can } from '@harvest/shared'
import { resolveToken } from '../sessions/resolveToken'
import type { BoardLink } from '../realtime/context'
import type { Connections } from '../realtime/Connections'
import type { Storage } from '../storage/Storage'
import { BoardPeer, MalformedMessage } from './BoardPeer'
import type { DocRegistry } from './DocRegistry'

const PING_INTERVAL_MS = 30_000

/** The stored name of a session's board document. */
export const boardDocName = (sessionId: string) => `board:${sessionId}`

type Close = { code: number; reason: string }

/**
 * The board's y-websocket endpoint at `/board/<sessionId>?token=…`, sharing the app's port.
 * Refusals are sent as close codes after the upgrade, because a browser cannot read the
 * status of a refused upgrade and could not tell the person why.
 */
export function attachBoardEndpoint(httpServer: http.Server, storage: Storage, registry: DocRegistry, links: Connections<BoardLink>) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.boardFrameMaxBytes })

  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/socket.io/')) return
    if (!url.pathname.startsWith(`${BOARD_PATH}/`)) return void socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, url))
  })

  async function accept(ws: WebSocket, url: URL): Promise<void> {
    // Frames may arrive while the token is being checked; hold them until we know who this is.
    const early: Uint8Array[] = []
    let peer: BoardPeer | null = null
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return close(ws, BOARD_CLOSE.malformed)
      const frame = toUint8Array(data)
      if (peer) receive(ws, peer, frame)
      else early.push(frame)
    })
    ws.on('error', (error) => console.warn('[board] connection error:', error.message))

    const sessionId = decodeURIComponent(url.pathname.slice(BOARD_PATH.length + 1))
    const resolved = await resolveToken(storage, url.searchParams.get('token'))
    if (!resolved.ok) return close(ws, { code: BOARD_CLOSE.unauthorized.code, reason: resolved.reason })
    if (resolved.identity.sessionId !== sessionId) return close(ws, BOARD_CLOSE.wrongSession)

    const live = await registry.open(boardDocName(sessionId))
    if (ws.readyState !== WebSocket.OPEN) return registry.release(live)
    const canWrite = resolved.identity.kind === 'member' && can(resolved.identity.role, 'board:write')
    const current = new BoardPeer(live, (message) => ws.readyState === WebSocket.OPEN && ws.send(message), canWrite)
    current.start()
    peer = current
    // Session control reaches this connection to close it when the person is removed or their role changes.
    const link: BoardLink = { close: (code, reason) => close(ws, { code, reason }) }
    links.add(resolved.principal, link)
    for (const frame of early.splice(0)) receive(ws, current, frame)

    let alive = true
    ws.on('pong', () => (alive = true))
    const ping = setInterval(() => {
      if (!alive) return ws.terminate()
      alive = false
      ws.ping()
    }, PING_INTERVAL_MS)
    ws.on('close', () => {
      links.delete(resolved.principal, link)
      clearInterval(ping)
      current.stop()
      registry.release(live)
    })
  }

  return { close: () => new Promise<void>((resolve) => wss.close(() => resolve())), wss }
}

function receive(ws: WebSocket, peer: BoardPeer, frame: Uint8Array): void {
  if (ws.readyState !== WebSocket.OPEN) return
  try {
    peer.receive(frame)
  } catch (error) {
    // Whatever went wrong, only this connection pays for it: the document and the others stay.
    const why = error instanceof MalformedMessage ? error.message : String(error)
    console.warn('[board] closing a connection that sent a bad frame:', why)
    close(ws, BOARD_CLOSE.malformed)
  }
}

function close(ws: WebSocket, { code, reason }: Close): void {
  if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason)
}

function toUint8Array(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
