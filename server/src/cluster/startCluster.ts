import type { ServerOptions } from 'socket.io'
import { connectRedis } from './redis'
import type { Redis } from './redis'
import { clusteredIoOptions } from './socketAdapter'

/** What a process needs to be one of several over Redis. */
export interface Cluster {
  redis: Redis
  /** socket.io's adapter and connection state recovery over Redis streams. */
  ioOptions: Partial<ServerOptions>
  close(): Promise<void>
}

/** Connects to REDIS_URL; loaded only when it is set, so one process alone never loads Redis' client. */
export async function startCluster(url: string): Promise<Cluster> {
  const redis = await connectRedis(url)
  return {
    redis,
    ioOptions: clusteredIoOptions(redis),
    async close() {
      await redis.quit().catch(() => redis.destroy())
    },
  }
}
