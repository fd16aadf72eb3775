import * as awarenessProtocol from 'y-protocols/awareness'
import type { AwarenessChange, DocExtension } from '../documents/DocExtension'
import { readStoreInto } from '../documents/catchUpFromStore'
import type { LiveDoc } from '../documents/LiveDoc'
import { isLocalChange, originKind } from '../documents/origins'
import type { Storage } from '../storage/Storage'
import type { DocRelayHub, RelayTarget } from './DocRelayHub'

/**
 * Relays one document between processes. It comes first among the document's extensions, so
 * it listens before the store is read (nothing relayed meanwhile is missed; Yjs applies an
 * update in any order). A change made here is published once the store has it, so a process
 * that opens the document later finds in the store whatever it missed in the stream. Changes
 * relayed from elsewhere carry a remote origin: not stored again, not published back.
 */
export class RedisRelay implements DocExtension {
  private chain: Promise<void> = Promise.resolve()
  private target: RelayTarget | null = null

  constructor(
    private hub: DocRelayHub,
    private storage: Storage,
  ) {}

  async onLoad(live: LiveDoc): Promise<void> {
    this.target = { live, resync: () => void this.resync(live) }
    this.hub.join(live.name, this.target)
  }

  onUpdate(live: LiveDoc, update: Uint8Array, origin: unknown): Promise<void> | undefined {
    if (!isLocalChange(origin)) return undefined
    // The live document calls this once the store has the update, in the order accepted, and
    // before its peers here hear of it. Published at once, not after the previous reply: one
    // Redis connection keeps its commands in order, and the other processes hear of the update
    // in the same turn its store write answered, leaving no time for a crash in between.
    this.chain = this.hub.publish(live.name, 'update', update)
    return this.chain
  }

  onAwareness(live: LiveDoc, { added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (originKind(origin) !== 'peer') return
    const update = awarenessProtocol.encodeAwarenessUpdate(live.awareness, [...added, ...updated, ...removed])
    void this.hub.publish(live.name, 'awareness', update)
  }

  async flush(): Promise<void> {
    await this.chain
  }

  onDestroy(live: LiveDoc): void {
    if (this.target) this.hub.leave(live.name, this.target)
  }

  /** Reads the store again and applies what this copy lacks, as a remote change. */
  private async resync(live: LiveDoc): Promise<void> {
    try {
      await readStoreInto(live, this.storage)
    } catch (error) {
      console.error(`[relay] could not catch up ${live.name} from the store`, error)
    }
  }
}
