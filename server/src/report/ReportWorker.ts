import { Worker } from 'node:worker_threads'
import type { WorkerFormat } from './reportJob'
import type { ReportSources } from './ReportSources'
import type { WorkerReply, WorkerRequest } from './workerEntry'

type Pending = { resolve(body: string | Uint8Array): void; reject(error: Error): void }

/**
 * One worker thread that builds and renders reports, started on first use. Building a
 * 5,000-card report takes long enough to delay every live update if it ran on the event loop,
 * so it runs here; jobs queue inside the worker one after another. A crashed worker fails its
 * jobs with an error and the next job starts a fresh one.
 */
export class ReportWorker {
  private worker: Worker | null = null
  private pending = new Map<number, Pending>()
  private nextId = 1

  run(sources: ReportSources, format: WorkerFormat): Promise<string | Uint8Array> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, sources, format } satisfies WorkerRequest)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.failAll(new Error('the server is shutting down'))
    await worker?.terminate()
  }

  private start(): Worker {
    const worker = new Worker(new URL('./workerBoot.mjs', import.meta.url))
    // An idle worker must not keep a stopping server alive.
    worker.unref()
    worker.on('message', (reply: WorkerReply) => {
      const job = this.pending.get(reply.id)
      if (!job) return
      this.pending.delete(reply.id)
      if (reply.ok) job.resolve(typeof reply.body === 'string' ? reply.body : new Uint8Array(reply.body))
      else job.reject(new Error(reply.message))
    })
    const lost = (error: Error) => {
      if (this.worker !== worker) return
      this.worker = null
      this.failAll(error)
    }
    worker.on('error', lost)
    worker.on('exit', (code) => lost(new Error(`the report worker stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error)
    this.pending.clear()
  }
}
