/**
 * The reference the scale bench compares against: a bare `@y/websocket-server` (pinned exactly in
 * server/package.json) as its own README starts it, with no rules, no store and no socket.io.
 * Run as a child process: `node --import tsx server/bench/scale/bareServer.ts` with PORT (0 picks
 * a free one) and HOST; it prints the address it listens on.
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { MEMORY_PROBE_ENV, answerMemoryProbes } from '../../src/memoryProbe'

const host = process.env.HOST || '127.0.0.1'
const port = Number(process.env.PORT ?? 0)

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(port, host, () => {
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  console.log(`Bare y-websocket server is running on http://${host}:${actual}`)
})

// Asked by the bench as ours is, so both live figures sit side by side.
if (process.env[MEMORY_PROBE_ENV] === '1') answerMemoryProbes()

const stop = () => {
  for (const client of wss.clients) client.terminate()
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
