import type { IoServer } from '../context'

type Listener = (...args: any[]) => void
type LooseIo = { serverSideEmit(event: string, ...args: unknown[]): boolean; on(event: string, listener: Listener): void }

/**
 * Tells every server process about something each must do with the connections it holds
 * (close a removed person's boards, reload a session's control). `publish` runs the listeners
 * here at once and, with several processes, on the others through socket.io's adapter.
 */
export class ClusterBus {
  private listeners = new Map<string, Listener[]>()

  /** `io` is null for one process on its own: nothing leaves it. */
  constructor(private io: IoServer | null) {}

  /** Several processes share the work (REDIS_URL is set). */
  get clustered(): boolean {
    return this.io !== null
  }

  publish(event: string, ...args: unknown[]): void {
    this.runHere(event, args)
    if (this.io) (this.io as unknown as LooseIo).serverSideEmit(event, ...args)
  }

  /** Publishes only to the other processes (this one already did the work). */
  publishToOthers(event: string, ...args: unknown[]): void {
    if (this.io) (this.io as unknown as LooseIo).serverSideEmit(event, ...args)
  }

  subscribe(event: string, listener: Listener): void {
    const list = this.listeners.get(event) ?? []
    if (list.length === 0 && this.io) (this.io as unknown as LooseIo).on(event, (...args: unknown[]) => this.runHere(event, args))
    list.push(listener)
    this.listeners.set(event, list)
  }

  private runHere(event: string, args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(...args)
      } catch (error) {
        console.error(`[cluster] ${event} failed`, error)
      }
    }
  }
}
