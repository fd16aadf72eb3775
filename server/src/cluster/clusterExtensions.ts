import type { DocExtension } from '../documents/DocExtension'
import { CatchUpFromStore } from '../documents/catchUpFromStore'
import { StoreUpdates } from '../documents/storeUpdates'
import { SnapshotOnChange } from '../snapshots/snapshotOnChange'
import type { Storage } from '../storage/Storage'
import { LeasedStoring } from './LeasedStoring'
import { RedisRelay } from './RedisRelay'
import type { Cluster } from './startCluster'

/** A live document's extensions when it is one of several processes: relayed first, stored, snapshots by the lease holder, caught up from the store before a change is refused. */
export function clusterExtensions(storage: Storage, now: () => number, cluster: Cluster): (name: string) => DocExtension[] {
  return () => {
    const store = new StoreUpdates(storage)
    return [new RedisRelay(cluster.relay, storage), new LeasedStoring(store, new SnapshotOnChange(storage, now), cluster.lease), new CatchUpFromStore(storage)]
  }
}
