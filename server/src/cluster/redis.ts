import { createClient } from 'redis'

/** A connected node-redis client, as the adapter, the relay and the leases use it. */
export type Redis = ReturnType<typeof createClient>

/**
 * Connects to REDIS_URL. A connection that drops is retried for ever (at most every 2 s): while
 * Redis is away, this process goes on serving its own clients, and relaying resumes once it is back.
 */
export async function connectRedis(url: string, name = 'harvest'): Promise<Redis> {
  const client = createClient({
    url,
    name,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000), connectTimeout: 5_000 },
  })
  let lastError = ''
  client.on('error', (error: Error) => {
    // One line per distinct failure: a Redis restart must not flood the log.
    if (error.message === lastError) return
    lastError = error.message
    console.error(`[redis] ${error.message}`)
  })
  client.on('ready', () => (lastError = ''))
  await client.connect()
  return client
}
