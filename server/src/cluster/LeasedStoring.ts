import type { DocExtension } from '../documents/DocExtension'
import type { LiveDoc } from '../documents/LiveDoc'
import { originKind } from '../documents/origins'
import { COMPACT_AFTER_UPDATES } from '../documents/storeUpdates'
import type { StoreUpdates } from '../documents/storeUpdates'
import type { SnapshotOnChange } from '../snapshots/snapshotOnChange'
import type { Lease } from './Lease'

/**
 * Storing with several processes: each appends its own changes, but only the holder of the
 * document's lease compacts the stored history and takes snapshots, so they are not taken twice.
 * It counts every change it sees, relayed ones too, since the others' appends grow the same history.
 */
export class LeasedStoring implements DocExtension {
  private seen = 0

  constructor(
    private store: StoreUpdates,
    private snapshots: SnapshotOnChange,
    private lease: Lease,
  ) {}

  onLoad(live: LiveDoc): Promise<void> {
    return this.store.onLoad(live)
  }

  onAccept(live: LiveDoc, update: Uint8Array, origin: unknown): Promise<void> | undefined {
    return this.store.onAccept(live, update, origin)
  }

  onUpdate(live: LiveDoc, update: Uint8Array, origin: unknown): void {
    if (originKind(origin) !== 'stored') this.seen++
    this.snapshots.onUpdate(live, update, origin)
  }

  flush(): Promise<void> {
    return this.store.flush()
  }

  async onStore(live: LiveDoc): Promise<void> {
    if (!(await this.lease.hold(live.name))) return
    if (this.seen > COMPACT_AFTER_UPDATES) {
      this.seen = 0
      await this.store.compact(live)
    }
    await this.snapshots.onStore(live)
  }
}
