import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import type { WorkerFormat } from './reportJob'
import type { ReportSources } from './ReportSources'
import type { WorkerReply, WorkerRequest } from './workerEntry'

type Pending = { resolve(body: string | Uint8Array): void; reject(error: Error): void }

/** Niceness of the report process: the live session always comes first on a small machine. */
const REPORT_NICENESS = 15

/**
 * One child process that builds and renders reports, started on first use. Building and
 * rendering a 5,000-card report takes seconds of CPU; on the event loop it would hold up every
 * live update, and even on a thread of its own it would take a core from the server on a
 * two-core machine. As a process it can run at a lower priority, so the operating system gives
 * the live session the CPU first. Jobs queue inside it one after another; a crashed process
 * fails its jobs with an error and the next job starts a fresh one.
 */
export class ReportWorker {
  private child: ChildProcess | null = null
  private pending = new Map<number, Pending>()
  private nextId = 1

  run(sources: ReportSources, format: WorkerFormat): Promise<string | Uint8Array> {
    const child = this.child ?? this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      child.send({ id, sources, format } satisfies WorkerRequest)
    })
  }

  async close(): Promise<void> {
    const child = this.child
    this.child = null
    this.failAll(new Error('the server is shutting down'))
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill()
    })
  }

  private start(): ChildProcess {
    const child = fork(fileURLToPath(new URL('./workerEntry.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      // Structured clone, so documents' bytes travel as bytes rather than as JSON arrays.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    try {
      if (child.pid) os.setPriority(child.pid, REPORT_NICENESS)
    } catch {
      // Some systems refuse a priority change; the report still runs beside the event loop.
    }
    // An idle report process must not keep a stopping server alive.
    child.unref()
    child.channel?.unref()
    child.on('message', (reply: WorkerReply) => {
      const job = this.pending.get(reply.id)
      if (!job) return
      this.pending.delete(reply.id)
      if (reply.ok) job.resolve(typeof reply.body === 'string' ? reply.body : new Uint8Array(reply.body))
      else job.reject(new Error(reply.message))
    })
    const lost = (error: Error) => {
      if (this.child !== child) return
      this.child = null
      this.failAll(error)
    }
    child.on('error', lost)
    child.on('exit', (code, signal) => lost(new Error(`the report process stopped (${signal ?? `exit code ${code}`})`)))
    this.child = child
    return child
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error)
    this.pending.clear()
  }
}
