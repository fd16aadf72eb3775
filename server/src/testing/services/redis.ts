import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, waitForPort } from './freePort'
import { systemBin } from './installed'

/** A redis-server of the tests' own on 127.0.0.1, its data in a temporary directory. */
export interface RedisService {
  url: string
  /** Stops it (kill -9 when `hard`), runs `whileDown`, and starts it again on the same port with its data file. */
  restart(options?: { hard?: boolean; whileDown?: () => Promise<void> }): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(): Promise<RedisService> {
  const bin = systemBin('redis-server')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-redis-'))
  const port = await freePort()
  let child: ChildProcess
  let log = ''
  const launch = async () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--protected-mode', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (c) => (log += c))
    child.stderr!.on('data', (c) => (log += c))
    await waitForPort(port, 30_000, () => log)
  }
  const halt = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart({ hard = false, whileDown } = {}) {
      await halt(hard ? 'SIGKILL' : 'SIGTERM')
      await whileDown?.()
      await launch()
    },
    async stop() {
      await halt('SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
