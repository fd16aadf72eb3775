import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'

const live = new Set<ChildProcess>()
const folders = new Set<string>()
let installed = false

/**
 * Keeps count of the bench's child processes (servers, receivers) and their temporary folders,
 * so that the bench going away for any reason (Ctrl+C, a crash) takes them with it.
 */
export function track(child: ChildProcess, folder?: string): void {
  live.add(child)
  if (folder) folders.add(folder)
  child.once('exit', () => live.delete(child))
  if (installed) return
  installed = true
  const killAll = () => {
    for (const c of live) c.kill('SIGKILL')
    for (const f of folders) fs.rmSync(f, { recursive: true, force: true })
  }
  process.once('exit', killAll)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll()
      process.exit(130)
    })
  }
}

export function forget(folder: string): void {
  folders.delete(folder)
}
