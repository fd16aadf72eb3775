import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** A real server process on 127.0.0.1 with its own data directory. */
export interface RunningServer {
  url: string
  dataDir: string
  /** Stops the process; the data directory stays for a restart. */
  stop(): Promise<void>
  /** Everything the process printed, for failure messages. */
  output(): string
}

/** Starts `server/src/index.ts` as `npm start` does, on a free port (or `port`, to restart where browsers expect it), and waits until it listens. */
export async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-e2e-')), port = 0): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (chunk) => (log += chunk))
  child.stderr!.on('data', (chunk) => (log += chunk))
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000)
    child.stdout!.on('data', () => {
      const match = /running on http:\/\/[^:]+:(\d+)/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)))
  })
  return { url: `http://127.0.0.1:${listening}`, dataDir, stop: () => stopProcess(child), output: () => log }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
