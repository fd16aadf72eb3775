import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { ServerOptions } from 'socket.io'
import type { Redis } from './redis'

/** How long a dropped connection's rooms and missed messages are kept for it to recover. */
const RECOVERY_MS = 2 * 60_000

/**
 * socket.io options for several processes: rooms and broadcasts carried over Redis streams, and
 * connection state recovery, which the streams adapter keeps working across processes (a client
 * that reconnects to the other process still gets what it missed). Middlewares run again on
 * recovery: a token revoked meanwhile is refused as on a first connection.
 */
export function clusteredIoOptions(redis: Redis): Partial<ServerOptions> {
  return {
    adapter: createAdapter(redis, { streamName: 'harvest:socket.io', maxLen: 100_000 }),
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_MS, skipMiddlewares: false },
  }
}
