import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import { WebSocket } from 'ws'

/** How long a board client has to answer our close before its socket is cut. */
const CLOSE_HANDSHAKE_MS = 1_000

/**
 * Closes every board connection with a code the client retries on (1012), waiting briefly for
 * the closing handshakes so each client hears the code; whoever has not answered is cut.
 * ws itself would wait 30 s for a silent peer, which is what held a stopping server up.
 */
export async function closeDocumentSockets(clients: Iterable<WebSocket>, { code, reason }: { code: number; reason: string }, graceMs = CLOSE_HANDSHAKE_MS): Promise<void> {
  const open = [...clients].filter((ws) => ws.readyState !== WebSocket.CLOSED)
  const closed = open.map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())))
  for (const ws of open) {
    if (ws.readyState === WebSocket.OPEN) ws.close(code, reason)
    else ws.terminate()
  }
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))
  await Promise.race([Promise.all(closed), late])
  clearTimeout(timer)
  for (const ws of open) if (ws.readyState !== WebSocket.CLOSED) ws.terminate()
}

export interface StopOptions {
  /** Closes the app: stops accepting, tells the clients, writes what it holds. */
  close(): Promise<void>
  /** The promise: the process is gone within 5 s whatever is connected; this leaves room for exiting. */
  deadlineMs?: number
  log?: (line: string) => void
  exit?: (code: number) => void
  now?: () => number
}

/**
 * Stops the process on SIGTERM and SIGINT: closes the app and exits 0, or exits 1 at the
 * deadline if closing hangs (a hung close must not keep a restart waiting). A second signal
 * while stopping is ignored; the deadline still holds.
 */
export function stopOnSignals({ close, deadlineMs = 4_000, log = console.log, exit = (code) => process.exit(code), now = Date.now }: StopOptions): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    const started = now()
    log(`\n${signal}: telling clients the server restarts, writing what it holds, stopping`)
    const deadline = setTimeout(() => {
      log(`could not stop cleanly within ${deadlineMs} ms: exiting anyway`)
      exit(1)
    }, deadlineMs)
    deadline.unref()
    try {
      await close()
      log(`stopped in ${now() - started} ms`)
      exit(0)
    } catch (error) {
      log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`)
      exit(1)
    }
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

/** Every socket the server holds, upgraded ones included (Node's closeAllConnections forgets those). */
export function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  return sockets
}
