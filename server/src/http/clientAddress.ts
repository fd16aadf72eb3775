import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** The address a request came from, as the rate limits count it. */
export type AddressOf = (req: IncomingMessage) => string

/**
 * The client's address: the socket's peer, or behind `trustedHops` reverse proxies (TRUST_PROXY)
 * the entry that many hops back in X-Forwarded-For, as express' numeric `trust proxy` reads it.
 * A forwarded value that is not an IP address is ignored rather than believed.
 */
export function clientAddress(trustedHops = 0): AddressOf {
  return (req) => {
    const peer = req.socket.remoteAddress ?? 'unknown'
    if (trustedHops <= 0) return peer
    const header = req.headers['x-forwarded-for']
    const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
    const chain = [peer, ...forwarded.reverse()]
    const chosen = chain[Math.min(trustedHops, chain.length - 1)]!
    return isIP(chosen) ? chosen : peer
  }
}

/**
 * The server's own machine: its operator, or a reverse proxy whose clients all share this one
 * address. Limits per address leave it alone (per-connection limits still hold); set
 * TRUST_PROXY so the forwarded address is counted instead.
 */
export function isLoopback(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return plain === '::1' || plain.startsWith('127.')
}
