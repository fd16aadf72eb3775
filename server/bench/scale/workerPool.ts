import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { track } from './children'
import type { Envelope, WorkerReply, WorkerRequest } from './workerProtocol'

/** The receiver processes of one scenario, each holding an equal share of the participants. */
export class WorkerPool {
  private seq = 0
  private waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>()

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (message: Envelope<WorkerReply>) => {
        const waiter = this.waiting.get(message.seq)
        this.waiting.delete(message.seq)
        waiter?.resolve(message)
      })
      child.on('exit', (code) => {
        if (code === 0) return
        for (const waiter of this.waiting.values()) waiter.reject(new Error(`a receiver process exited with ${code}`))
        this.waiting.clear()
      })
    }
  }

  static start(count: number, { maxMs = 15 * 60_000 } = {}): WorkerPool {
    const script = fileURLToPath(new URL('./receiverWorker.ts', import.meta.url))
    const children = Array.from({ length: count }, () =>
      fork(script, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_WORKER_MAX_MS: String(maxMs) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    )
    for (const child of children) track(child)
    return new WorkerPool(children)
  }

  get size(): number {
    return this.children.length
  }

  /** Sends one request to one worker and waits for its reply. */
  ask<R extends WorkerReply['type']>(worker: number, request: WorkerRequest): Promise<Extract<WorkerReply, { type: R }>> {
    const seq = ++this.seq
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve: resolve as (reply: WorkerReply) => void, reject })
      this.children[worker]!.send({ ...request, seq })
    })
  }

  /** The same request to every worker (or one per worker from `make`), replies in worker order. */
  all<R extends WorkerReply['type']>(make: WorkerRequest | ((worker: number) => WorkerRequest)): Promise<Extract<WorkerReply, { type: R }>[]> {
    return Promise.all(this.children.map((_, i) => this.ask<R>(i, typeof make === 'function' ? make(i) : make)))
  }

  async close(): Promise<void> {
    await Promise.race([this.all({ type: 'close' }).catch(() => []), new Promise((resolve) => setTimeout(resolve, 10_000))])
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
            child.once('exit', () => (clearTimeout(killer), resolve()))
          }),
      ),
    )
  }
}
