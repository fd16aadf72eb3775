import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'
import helmet from 'helmet'
import { HTML_STYLES } from '../report/renderers/htmlStyles'

/**
 * The in-app report frame (`<iframe srcdoc>`) inherits the page's policy, and the report's one
 * stylesheet is inline: allowing exactly that stylesheet by its hash keeps 'unsafe-inline' out.
 * React's `style={…}` sets properties through the CSSOM, which style-src does not govern.
 */
const reportStyleHash = `'sha256-${createHash('sha256').update(HTML_STYLES, 'utf8').digest('base64')}'`

/** A Host header as a browser sends it; anything else gets no ws: source rather than a broken header. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/** The WebSocket origins of the host the page was loaded from: socket.io and the board endpoints. */
function sameHostSockets(req: IncomingMessage): string {
  const host = req.headers.host ?? ''
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : ''
}

/**
 * The policy of the app's pages (the Vite-built client): its own scripts and styles only, its
 * API and sockets on the same host, images it made itself (data:, blob:), no frames of it
 * elsewhere, no plugins. No upgrade-insecure-requests: a server on a LAN address speaks plain http.
 */
export const APP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", reportStyleHash],
  'connect-src': ["'self'", sameHostSockets],
  'img-src': ["'self'", 'data:', 'blob:'],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
}

/**
 * The policy of everything under /api: JSON and report files (the HTML report, learning packs,
 * the programme synthesis), which carry their stylesheet inline and never a script. Opened in
 * a browser tab they render without running anything.
 */
const API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

/**
 * Security headers on every answer (helmet 8). `Referrer-Policy: no-referrer` matters most
 * here: invitation links carry their token in the address, and without it a meeting link
 * clicked on the session page would send that address to the video service.
 */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: APP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  })
  const apiPolicy: RequestHandler = (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path === '/api') res.setHeader('Content-Security-Policy', API_POLICY)
    next()
  }
  return [headers, apiPolicy]
}
