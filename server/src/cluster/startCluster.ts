import type { ServerOptions } from 'socket.io'
import { connectRedis } from './redis'
import type { Redis } from './redis'
import { clusteredIoOptions } from './socketAdapter'
import crypto from 'node:crypto'
import os from 'node:os'
import { DocRelayHub } from './DocRelayHub'
import { Lease } from './Lease'

/** How long a document's snapshot lease outlives its holder: a little over two store rounds. */
const DOC_LEASE_MS = 12 * 60_000

/** What a process needs to be one of several over Redis. */
export interface Cluster {
  redis: Redis
  /** socket.io's adapter and connection state recovery over Redis streams. */
  ioOptions: Partial<ServerOptions>
  /** Board and harvest changes between processes. */
  relay: DocRelayHub
  /** Who snapshots and compacts each document. */
  lease: Lease
  close(): Promise<void>
}

/** Connects to REDIS_URL; loaded only when it is set, so one process alone never loads Redis' client. */
export async function startCluster(url: string): Promise<Cluster> {
  const redis = await connectRedis(url)
  const source = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  const relay = new DocRelayHub(redis, source)
  await relay.start()
  return {
    redis,
    ioOptions: clusteredIoOptions(redis),
    relay,
    lease: new Lease(redis, source, DOC_LEASE_MS),
    async close() {
      await relay.stop()
      await redis.quit().catch(() => redis.destroy())
    },
  }
}
