import type { DocExtension } from '../documents/DocExtension'
import type { LiveDoc } from '../documents/LiveDoc'
import { originKind } from '../documents/origins'
import type { Storage } from '../storage/Storage'
import { takeSnapshot } from './snapshots'

/** Takes a snapshot for history each time the document is stored, if it changed since the last one. */
export class SnapshotOnChange implements DocExtension {
  /** Set by every change except one read back from the store. */
  changed = false

  constructor(
    private storage: Storage,
    private now: () => number,
  ) {}

  onUpdate(_live: LiveDoc, _update: Uint8Array, origin: unknown): undefined {
    if (originKind(origin) !== 'stored') this.changed = true
    return undefined
  }

  async onStore(live: LiveDoc): Promise<void> {
    if (!this.changed) return
    this.changed = false
    await takeSnapshot(this.storage, live, this.now())
  }
}
