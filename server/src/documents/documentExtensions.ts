import type { Storage } from '../storage/Storage'
import { SnapshotOnChange } from '../snapshots/snapshotOnChange'
import type { DocExtension } from './DocExtension'
import { StoreUpdates } from './storeUpdates'

/** The extensions every live document has in one process over one store: its updates stored, and snapshots for history. */
export function documentExtensions(storage: Storage, now: () => number): (name: string) => DocExtension[] {
  return () => [new StoreUpdates(storage), new SnapshotOnChange(storage, now)]
}
