import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { BOARD_CLOSE, LIMITS, LIVENESS_PARAM } from '@harvest/shared'
import type { Connections } from '../realtime/Connections'
import type { BoardLink } from '../context'
import { classifyStoreError } from '../lifecycle/storeHealth'
import { resolveToken } from '../sessions/resolveToken'
import type { Storage } from '../storage/Storage'
import { clientAddress } from '../http/clientAddress'
import type { LimitDeps } from '../http/rateLimited'
import type { AccessFor } from './documentAccess'
import { DocumentPeer, MalformedMessage, NotSavedNow, RefusedChange } from './DocumentPeer'
import type { DocRegistry } from './DocRegistry'
import type { DocumentKind } from './documentKinds'
import { DOCUMENT_KINDS } from './documentKinds'
import type { FrameGate } from './updateLimit'
import { documentUpdateLimits } from './updateLimit'

const PING_INTERVAL_MS = 30_000

/**
 * ws closes a connection with its own 1009 beyond this, before a frame reaches us. It lies above
 * the board's limit so that a frame over the limit arrives and is refused with the contract's
 * code and reason (BOARD_CLOSE.tooLarge); only a frame far beyond it never gets that far.
 */
const WS_PAYLOAD_CEILING = 4 * LIMITS.boardFrameMaxBytes

type Close = { code: number; reason: string }

/** What the endpoint needs from the rest of the server. */
export interface EndpointDeps {
  storage: Storage
  registry: DocRegistry
  links: Connections<BoardLink>
  /** What a connection may do; the rules and the session's modes stay outside the endpoint. */
  access: AccessFor
  /** Where the update rate limit reads a connection's address and the time. */
  limits?: LimitDeps
}

/**
 * The y-websocket endpoints of the shared documents, `/board/<sessionId>?token=…` and
 * `/harvest/<sessionId>?token=…`, on the app's port. Refusals are sent as close codes after the
 * upgrade, because a browser cannot read the status of a refused upgrade and could not tell
 * the person why.
 */
export function attachDocumentEndpoint(httpServer: http.Server, deps: EndpointDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_PAYLOAD_CEILING })
  const gateFor = documentUpdateLimits(deps.limits)
  const addressOf = deps.limits?.addressOf ?? clientAddress()

  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/socket.io/')) return
    const kind = DOCUMENT_KINDS.find((k) => url.pathname.startsWith(`${k.path}/`))
    if (!kind) return void socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, url, kind, gateFor(addressOf(req))).catch((error) => {
      // The store's trouble is logged once by its health check; each connection it turns away gets one line, not a stack.
      const trouble = classifyStoreError(error)
      if (trouble) console.warn(`[board] could not open a connection: the store is ${trouble} (${error instanceof Error ? error.message : String(error)})`)
      else console.error('[board] could not open a connection', error)
      close(ws, { code: 1011, reason: trouble ? 'the server cannot reach its store: trying again' : 'the server could not open this document' })
    }))
  })

  async function accept(ws: WebSocket, url: URL, kind: DocumentKind, gate: FrameGate): Promise<void> {
    // Frames may arrive while the token is being checked; hold them until we know who this is.
    const early: Uint8Array[] = []
    let peer: DocumentPeer | null = null
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return close(ws, BOARD_CLOSE.malformed)
      const frame = toUint8Array(data)
      if (frame.byteLength > LIMITS.boardFrameMaxBytes) return close(ws, BOARD_CLOSE.tooLarge)
      if (!gate(frame)) return close(ws, BOARD_CLOSE.rateLimited)
      if (peer) receive(ws, peer, frame)
      else early.push(frame)
    })
    ws.on('error', (error) => console.warn('[board] connection error:', error.message))

    const sessionId = decodeSegment(url.pathname.slice(kind.path.length + 1))
    // A path that does not percent-decode names no session: the client's mistake, final (1011 would be retried forever).
    if (sessionId === null) return close(ws, BOARD_CLOSE.wrongSession)
    const resolved = await resolveToken(deps.storage, url.searchParams.get('token'))
    if (!resolved.ok) return close(ws, { code: BOARD_CLOSE.unauthorized.code, reason: resolved.reason })
    if (resolved.identity.sessionId !== sessionId) return close(ws, BOARD_CLOSE.wrongSession)

    const access = await deps.access(kind, resolved.identity, sessionId)
    const live = await deps.registry.open(kind.docName(sessionId))
    if (ws.readyState !== WebSocket.OPEN) return deps.registry.release(live)
    const liveness = url.searchParams.get(LIVENESS_PARAM.name) === LIVENESS_PARAM.connection
    const current = new DocumentPeer(live, (message) => ws.readyState === WebSocket.OPEN && ws.send(message), access, !liveness, (error) => fail(ws, error))
    current.start()
    peer = current
    // Session control reaches this connection to close it when the person is removed or their role changes.
    const link: BoardLink = { close: (code, reason) => close(ws, { code, reason }) }
    deps.links.add(resolved.principal, link)
    for (const frame of early.splice(0)) receive(ws, current, frame)

    let alive = true
    ws.on('pong', () => (alive = true))
    const ping = setInterval(() => {
      if (!alive) return ws.terminate()
      alive = false
      ws.ping()
    }, PING_INTERVAL_MS)
    ws.on('close', () => {
      deps.links.delete(resolved.principal, link)
      clearInterval(ping)
      current.stop()
      deps.registry.release(live)
    })
  }

  return { close: () => new Promise<void>((resolve) => wss.close(() => resolve())), wss }
}

function receive(ws: WebSocket, peer: DocumentPeer, frame: Uint8Array): void {
  if (ws.readyState !== WebSocket.OPEN) return
  try {
    peer.receive(frame)
  } catch (error) {
    fail(ws, error)
  }
}

/** Closes a connection for a change refused (4422, with its reason), not saved now (4503), or anything else wrong with its frames. */
function fail(ws: WebSocket, error: unknown): void {
  if (error instanceof RefusedChange) return close(ws, { code: BOARD_CLOSE.refused.code, reason: error.message })
  if (error instanceof NotSavedNow) return close(ws, { code: BOARD_CLOSE.storeUnavailable.code, reason: error.message })
  // Whatever went wrong, only this connection pays for it: the document and the others stay.
  const why = error instanceof MalformedMessage ? error.message : String(error)
  console.warn('[board] closing a connection that sent a bad frame:', why)
  close(ws, BOARD_CLOSE.malformed)
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function close(ws: WebSocket, { code, reason }: Close): void {
  if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, fitCloseReason(reason))
}

/** A close reason holds at most 123 bytes (RFC 6455); ws throws beyond that, which would take the whole server down. */
export function fitCloseReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason
  let cut = reason
  while (Buffer.byteLength(cut) > 120) cut = cut.slice(0, -1)
  return `${cut}…`
}

function toUint8Array(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
