import path from 'node:path'

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** Base of the links printed and shown to facilitators. */
  publicUrl: string
  /** Where the built client lives; the server serves it when present. */
  clientDir: string
  /** Create the Cluster 4 demo session on first start. */
  seedDemo: boolean
  /** ADMIN_TOKEN, the organiser's key; null to generate one on first start. */
  adminToken: string | null
  /** TRUST_PROXY: how many reverse proxies stand in front (0: none), so rate limits count the client's forwarded address. */
  trustProxy: number
  /** DATABASE_URL: PostgreSQL instead of the embedded store, for several server processes. */
  databaseUrl: string | null
  /** REDIS_URL: Redis carries broadcasts, documents and leases between server processes. */
  redisUrl: string | null
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const adminToken = env.ADMIN_TOKEN || null
  // The key opens every session on the server: a short one could be guessed.
  if (adminToken !== null && !/^\S{32,}$/.test(adminToken)) throw new Error('ADMIN_TOKEN must be at least 32 characters without spaces')
  const trustProxy = Number(env.TRUST_PROXY || 0)
  if (!Number.isInteger(trustProxy) || trustProxy < 0) throw new Error(`TRUST_PROXY must be the number of proxies in front (0, 1, …), got "${env.TRUST_PROXY}"`)
  const host = env.HOST || '127.0.0.1'
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host
  return {
    port,
    host,
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    publicUrl: (env.PUBLIC_URL || `http://${shownHost}:${port}`).replace(/\/+$/, ''),
    clientDir: path.resolve(root, env.CLIENT_DIR || 'client/dist'),
    seedDemo: env.SEED_DEMO !== '0',
    adminToken,
    trustProxy,
    databaseUrl: env.DATABASE_URL || null,
    redisUrl: env.REDIS_URL || null,
  }
}
