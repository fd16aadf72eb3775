import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { forget, track } from './children'
import { startClusterServer } from './clusterServer'
import { MEMORY_PROBE_ENV, MEMORY_QUESTION, type LiveMemory, type MemoryAnswer } from '../../src/memoryProbe'
import type { ServerKind } from './serverKind'

export type { ServerKind } from './serverKind'

export interface RunningServer {
  kind: ServerKind
  url: string
  wsUrl: string
  pid: number
  /** The server process' resident memory now, from /proc (bytes). */
  rss(): number
  /**
   * What is live in the server after a full collection it runs when asked (memoryProbe.ts);
   * null where the server cannot say (the two-process case) or does not answer within 30 s.
   */
  liveMemory(): Promise<LiveMemory | null>
  stop(): Promise<void>
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const STARTED = /running on (http:\/\/[\d.]+:\d+)/

/**
 * Starts a server in its own process on 127.0.0.1 and a free port: ours as `npm run serve` does
 * (`node --import tsx server/src/index.ts`, the built client, the embedded store in a temporary
 * folder, no demo session), or the bare y-websocket server. Extra node flags (e.g. --cpu-prof)
 * come from BENCH_SERVER_NODE_OPTIONS. Both answer the memory probe over an IPC channel.
 */
export async function startServer(kind: ServerKind, { timeoutMs = 60_000 } = {}): Promise<RunningServer> {
  if (kind === 'cluster') return startClusterServer()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `harvest-scale-${kind}-`))
  const script = kind === 'ours' ? 'server/src/index.ts' : 'server/bench/scale/bareServer.ts'
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      // A key of our own, so the server does not print a generated one.
      ADMIN_TOKEN: crypto.randomBytes(32).toString('base64url'),
      [MEMORY_PROBE_ENV]: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  track(child, dataDir)
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const match = STARTED.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${kind} server exited with ${code} before it started:\n${out}`))
    })
  })
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout!.resume()
  child.stderr!.on('data', (chunk: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(chunk))
  return {
    kind,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    pid: child.pid!,
    rss: () => residentBytes(child.pid!),
    liveMemory: () => askLiveMemory(child),
    stop: () => stopChild(child, dataDir),
  }
}

/** VmRSS of a process, in bytes. */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

function askLiveMemory(child: ChildProcess, timeoutMs = 30_000): Promise<LiveMemory | null> {
  if (!child.connected) return Promise.resolve(null)
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), timeoutMs)
    const onMessage = (message: unknown) => {
      if (message && typeof message === 'object' && 'memory' in message) done((message as MemoryAnswer).memory)
    }
    const done = (memory: LiveMemory | null) => {
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(memory)
    }
    child.on('message', onMessage)
    child.send(MEMORY_QUESTION)
  })
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(killer)
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  forget(dataDir)
}
