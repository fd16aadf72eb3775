import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { track } from './cleanup'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** The real server as `npm run serve` starts it, in its own process. */
export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  /** Sends a signal and resolves once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>
  /** Resolves when the process has exited, with its exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Everything the process printed, for failure messages. */
  output(): string
}

export interface SpawnOptions {
  /** A fixed port, e.g. to restart a server where its clients expect it; 0 lets the OS choose. */
  port?: number
  /** More environment for the process. */
  env?: Record<string, string>
}

/**
 * Spawns `server/src/index.ts` on 127.0.0.1 with an OS-chosen port and `dataDir` as its data
 * directory, and resolves once it prints the port it listens on (as e2e/src/server.ts does).
 * A process the test did not stop is killed by `disposeAll`.
 */
export async function spawnServer(dataDir: string, timeoutMs = 30_000, { port: wanted = 0, env = {} }: SpawnOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(wanted), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  track(() => kill('SIGKILL'))

  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), timeoutMs)
    child.stdout!.on('data', () => {
      const match = /running on http:\/\/[^:]+:(\d+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code ?? signal}:\n${log}`))
    })
  })
  return { url: `http://127.0.0.1:${port}`, port, kill, exited, output: () => log }
}
