import type { Storage } from '../storage/Storage'
import { LiveDoc } from './LiveDoc'
import { takeSnapshot } from '../snapshots/snapshots'

/** How long an unused document stays in memory, so a reloading page does not pay a full load. */
const IDLE_UNLOAD_MS = 30_000
/** How often a changed document is snapshotted for history. */
export const SNAPSHOT_EVERY_MS = 5 * 60_000

/**
 * Hands out one LiveDoc per document name; concurrent first connections share one load.
 * A document nobody has open is compacted and dropped from memory after a short grace period.
 */
export class DocRegistry {
  private docs = new Map<string, Promise<LiveDoc>>()
  private idleTimers = new Map<string, NodeJS.Timeout>()
  private snapshotTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private storage: Storage,
    private prepare: (live: LiveDoc) => void = () => {},
    private now: () => number = Date.now,
  ) {}

  /** Snapshots a document now if it changed since its last snapshot. */
  async snapshotIfChanged(live: LiveDoc): Promise<void> {
    if (!live.changedSinceSnapshot) return
    await live.flush()
    await takeSnapshot(this.storage, live, this.now())
    // A board that stays open all session is compacted here rather than only at its next load.
    await live.compactIfLarge()
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
    const timer = setTimeout(() => void this.unload(live), IDLE_UNLOAD_MS)
    timer.unref()
    this.idleTimers.set(live.name, timer)
  }

  /** Writes everything pending and frees memory; used at shutdown. */
  async closeAll(): Promise<void> {
    for (const name of [...this.idleTimers.keys()]) this.cancelUnload(name)
    const docs = await Promise.allSettled([...this.docs.values()])
    for (const result of docs) if (result.status === 'fulfilled') await this.unload(result.value, true)
  }

  private async load(name: string): Promise<LiveDoc> {
    const live = new LiveDoc(name, this.storage)
    await live.load()
    this.prepare(live)
    const timer = setInterval(() => void this.snapshotIfChanged(live).catch((e) => console.error('[board] snapshot failed', e)), SNAPSHOT_EVERY_MS)
    timer.unref()
    this.snapshotTimers.set(name, timer)
    return live
  }

  private async unload(live: LiveDoc, force = false): Promise<void> {
    if (live.peers.size > 0 && !force) return
    this.docs.delete(live.name)
    clearInterval(this.snapshotTimers.get(live.name))
    this.snapshotTimers.delete(live.name)
    await this.snapshotIfChanged(live)
    live.destroy()
  }

  private cancelUnload(name: string): void {
    const timer = this.idleTimers.get(name)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(name)
  }
}
