import type { DocExtension } from './DocExtension'
import { LiveDoc } from './LiveDoc'

/** How long an unused document stays in memory, so a reloading page does not pay a full load. */
const IDLE_UNLOAD_MS = 30_000
/** How often an open document is stored: its history compacted and, if it changed, snapshotted. */
export const SNAPSHOT_EVERY_MS = 5 * 60_000

/**
 * Hands out one LiveDoc per document name; concurrent first connections share one load.
 * A document nobody has open is stored (compacted, snapshotted) and dropped from memory after
 * a short grace period. `extensions` gives each document its own set (DocExtension.ts).
 */
export class DocRegistry {
  private docs = new Map<string, Promise<LiveDoc>>()
  private idleTimers = new Map<string, NodeJS.Timeout>()
  private storeTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private extensions: (name: string) => DocExtension[],
    private prepare: (live: LiveDoc) => void = () => {},
  ) {}

  /** Stores a document now: a snapshot if it changed since the last one, and compaction once its history is long. */
  async snapshotIfChanged(live: LiveDoc): Promise<void> {
    await live.store()
  }

  /** Waits until everything a document held in memory has accepted is in the store; nothing when it is not open. */
  async flushIfOpen(name: string): Promise<void> {
    const live = await this.docs.get(name)?.catch(() => null)
    await live?.flush()
  }

  async open(name: string): Promise<LiveDoc> {
    this.cancelUnload(name)
    let pending = this.docs.get(name)
    if (!pending) {
      pending = this.load(name)
      this.docs.set(name, pending)
      pending.catch(() => this.docs.delete(name))
    }
    return pending
  }

  /** Called when a peer leaves; schedules the unload once the last one has gone. */
  release(live: LiveDoc): void {
    if (live.peers.size > 0) return
    this.cancelUnload(live.name)
    const timer = setTimeout(() => void this.unload(live).catch((e) => console.error('[board] storing a document failed', e)), IDLE_UNLOAD_MS)
    timer.unref()
    this.idleTimers.set(live.name, timer)
  }

  /** Writes everything pending and frees memory; used at shutdown. Rejects, once every document is closed, if one could not be written. */
  async closeAll(): Promise<void> {
    for (const name of [...this.idleTimers.keys()]) this.cancelUnload(name)
    const docs = await Promise.allSettled([...this.docs.values()])
    const failures: unknown[] = []
    for (const result of docs) if (result.status === 'fulfilled') await this.unload(result.value, true).catch((error) => failures.push(error))
    if (failures.length > 0) throw failures[0]
  }

  private async load(name: string): Promise<LiveDoc> {
    const live = new LiveDoc(name, this.extensions(name))
    try {
      await live.load()
      this.prepare(live)
    } catch (error) {
      live.destroy()
      throw error
    }
    const timer = setInterval(() => void live.store().catch((e) => console.error('[board] storing a document failed', e)), SNAPSHOT_EVERY_MS)
    timer.unref()
    this.storeTimers.set(name, timer)
    return live
  }

  private async unload(live: LiveDoc, force = false): Promise<void> {
    if (live.peers.size > 0 && !force) return
    this.docs.delete(live.name)
    clearInterval(this.storeTimers.get(live.name))
    this.storeTimers.delete(live.name)
    try {
      await live.store()
    } finally {
      live.destroy()
    }
  }

  private cancelUnload(name: string): void {
    const timer = this.idleTimers.get(name)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(name)
  }
}
