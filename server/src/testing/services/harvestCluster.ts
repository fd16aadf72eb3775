import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort, waitForPort } from './freePort'
import type { NginxService } from './nginx'
import { startNginx } from './nginx'
import type { PostgresService } from './postgres'
import { startPostgres } from './postgres'
import type { RedisService } from './redis'
import { startRedis } from './redis'

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url))

/** One real server process (`server/src/index.ts`), as production runs it, on a fixed port. */
export interface HarvestProcess {
  port: number
  url: string
  /** Sends a signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>
  /** Starts it again on the same port with the same settings. */
  start(): Promise<void>
  output(): string
  /** The running process' id (the scale bench reads its memory), or null while it is stopped. */
  pid(): number | null
}

function harvestProcess(port: number, env: Record<string, string>): HarvestProcess {
  let child: ChildProcess | null = null
  let log = ''
  const proc: HarvestProcess = {
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid ?? null : null),
    async start() {
      const started = child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        cwd: repoRoot,
        env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', TRUST_PROXY: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      started.stdout!.on('data', (c) => (log += c))
      started.stderr!.on('data', (c) => (log += c))
      await waitForPort(port, 60_000, () => log)
    },
    async kill(signal) {
      const running = child
      if (!running || running.exitCode !== null || running.signalCode !== null) return
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill(signal)
      await exited
    },
  }
  return proc
}

/** PostgreSQL, Redis, two server processes over them and nginx in front, all on 127.0.0.1. */
export interface HarvestCluster {
  postgres: PostgresService
  /** The database every process stores in (DATABASE_URL), for a test reading the store itself. */
  databaseUrl: string
  redis: RedisService
  processes: [HarvestProcess, HarvestProcess]
  nginx: NginxService
  stop(): Promise<void>
}

export async function startHarvestCluster(): Promise<HarvestCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await postgres.createDatabase()
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ADMIN_TOKEN: 'organiser-key-of-the-cluster-test-0123456789' }
  const processes = [harvestProcess(await freePort(), env), harvestProcess(await freePort(), env)] as [HarvestProcess, HarvestProcess]
  // Started together, as a deployment's processes do: the schema and the secret are created once.
  await Promise.all(processes.map((p) => p.start()))
  const nginx = await startNginx(processes.map((p) => p.port))
  return {
    postgres,
    databaseUrl,
    redis,
    processes,
    nginx,
    async stop() {
      await nginx.stop()
      await Promise.all(processes.map((p) => p.kill('SIGTERM')))
      await redis.stop()
      await postgres.stop()
    },
  }
}
