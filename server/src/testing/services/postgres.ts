import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort, waitForPort } from './freePort'
import { postgresBin } from './installed'

/** A PostgreSQL server of the tests' own, in a temporary directory on 127.0.0.1. */
export interface PostgresService {
  port: number
  /** A connection string to one database of this server. */
  url(database?: string): string
  /** A new empty database, so each test starts from nothing. */
  createDatabase(): Promise<string>
  /**
   * Stops it with a fast shutdown (every session is ended, as when an operator restarts it),
   * runs `whileDown`, and starts it again on the same port and data directory, resolving once
   * a query answers.
   */
  restart(options?: { whileDown?: () => Promise<void> }): Promise<void>
  stop(): Promise<void>
}

// PostgreSQL refuses to run as root: as root, the server runs as Debian's postgres user.
const asServerUser = (args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)]

export async function startPostgres(): Promise<PostgresService> {
  const initdb = postgresBin('initdb')
  const postgres = postgresBin('postgres')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-pg-'))
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  const data = path.join(dir, 'data')
  const [initCmd, initArgs] = asServerUser([initdb, '-D', data, '-U', 'harvest', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  execFileSync(initCmd, initArgs, { stdio: 'pipe' })
  const port = await freePort()
  const url = (database = 'postgres') => `postgres://harvest@127.0.0.1:${port}/${database}`
  let child: ChildProcess
  let exited: Promise<void>
  let log = ''
  const launch = async () => {
    // Durability settings are off: a test's database is thrown away.
    const [cmd, args] = asServerUser([postgres, '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'])
    const started = (child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }))
    started.stdout!.on('data', (c) => (log += c))
    started.stderr!.on('data', (c) => (log += c))
    exited = new Promise<void>((resolve) => started.once('exit', () => resolve()))
    await waitForPort(port, 30_000, () => log)
    await answering(url(), () => log)
  }
  // The postmaster's pid is the first line of its pid file (as root, `child` is runuser, not the postmaster).
  const postmasterPid = (): number | null => {
    const pidFile = path.join(data, 'postmaster.pid')
    if (!fs.existsSync(pidFile)) return null
    return Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) || null
  }
  // SIGINT is PostgreSQL's fast shutdown.
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const pid = postmasterPid()
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGINT')
      } catch {}
    }
    await exited
  }
  await launch()
  let counter = 0
  return {
    port,
    url,
    async createDatabase() {
      const name = `test_${process.pid}_${++counter}`
      const admin = new pg.Client({ connectionString: url() })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      return url(name)
    },
    async restart({ whileDown } = {}) {
      await halt()
      await whileDown?.()
      await launch()
    },
    async stop() {
      await halt()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Accepting TCP is not yet accepting queries: waits until a query answers. */
async function answering(connectionString: string, log: () => string): Promise<void> {
  for (let tries = 0; ; tries++) {
    const client = new pg.Client({ connectionString })
    try {
      await client.connect()
      await client.query('SELECT 1')
      await client.end()
      return
    } catch (error) {
      await client.end().catch(() => {})
      if (tries > 200) throw new Error(`PostgreSQL did not answer: ${String(error)}\n${log()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

