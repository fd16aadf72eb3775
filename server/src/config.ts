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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  const host = env.HOST || '127.0.0.1'
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host
  return {
    port,
    host,
    dataDir: path.resolve(root, env.DATA_DIR || 'data'),
    publicUrl: (env.PUBLIC_URL || `http://${shownHost}:${port}`).replace(/\/+$/, ''),
    clientDir: path.resolve(root, env.CLIENT_DIR || 'client/dist'),
    seedDemo: env.SEED_DEMO !== '0',
  }
}
