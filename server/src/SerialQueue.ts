/**
 * Runs tasks for the same key one after another, in the order they arrive, and tasks for
 * different keys side by side: one change at a time per session, whatever the store's speed.
 * A failed task does not stop the ones queued after it.
 */
export class SerialQueue {
  private queues = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const next = previous.then(task, task)
    const settled = next.catch(() => undefined)
    this.queues.set(key, settled)
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key)
    })
    return next
  }
}
