import type { ControlState } from '@harvest/shared'
import { DEFAULT_BOARD_MODE } from '@harvest/shared'
import type { ControlRecord, Storage, StoredControl } from '../storage/Storage'
import { newControl } from './newControl'
import { applyControlChange, diffControl } from './diffControl'
import { SerialQueue } from '../SerialQueue'

/** How often a change is tried again on fresher state before it gives up. */
const MAX_ATTEMPTS = 50

/**
 * Holds each session's control state and applies changes one at a time per session, so two
 * facilitators clicking at once cannot interleave. A change works on a copy: if it refuses,
 * nothing is saved or broadcast; if it succeeds, it is saved before anyone is told.
 *
 * Several server processes may change the same session: every save is a compare-and-set on the
 * record's version, and a change based on a version another process has replaced is run again
 * on the fresh record, so no change overwrites another. Other processes hear of each new
 * version (`onSaved`, relayed to their `saved`) and drop what they cached.
 */
export class ControlService {
  private cache = new Map<string, StoredControl>()
  private queue = new SerialQueue()

  constructor(
    private storage: Storage,
    private onChange: (sessionId: string, state: ControlState) => void,
    private onSaved: (sessionId: string, version: number) => void = () => {},
  ) {}

  /** The current record (do not mutate it; use `update`). */
  async read(sessionId: string): Promise<ControlRecord> {
    return this.serial(sessionId, () => this.load(sessionId))
  }

  /**
   * The state as last loaded, without waiting: for checks on a hot path (every board update)
   * that must not queue behind other changes. Undefined until the session was first read.
   */
  peek(sessionId: string): ControlState | undefined {
    return this.cache.get(sessionId)?.state
  }

  /** `broadcast: false` for changes nobody else sees in the public state (prepared notes). */
  async update<T>(sessionId: string, change: (draft: ControlRecord) => T, { broadcast = true } = {}): Promise<T> {
    return this.serial(sessionId, async () => {
      for (let attempt = 1; ; attempt++) {
        const current = await this.load(sessionId)
        const { version: _, ...before } = current
        const draft = structuredClone(before)
        const result = change(draft)
        const diff = diffControl(before, draft)
        const version = await this.storage.saveControl(sessionId, diff, current.version)
        if (version === null) {
          // Another process saved first: run the change again on what it saved.
          this.cache.delete(sessionId)
          if (attempt >= MAX_ATTEMPTS) throw new Error(`control of ${sessionId} kept changing under this change`)
          continue
        }
        const saved = { ...applyControlChange(before, diff), version }
        this.cache.set(sessionId, saved)
        this.onSaved(sessionId, version)
        if (broadcast) this.onChange(sessionId, saved.state)
        return result
      }
    })
  }

  /**
   * Another process saved `version` of this session: what is cached is stale. It is loaded again
   * at once, so `peek` (which never waits) sees the new state within a round trip to the store.
   */
  saved(sessionId: string, version: number): void {
    const cached = this.cache.get(sessionId)
    if (!cached || cached.version >= version) return
    this.cache.delete(sessionId)
    this.read(sessionId).catch((error) => console.error('[control] reloading a changed session failed', error))
  }

  /** Forgets cached state, e.g. for a session nobody is in any more. */
  evict(sessionId: string): void {
    this.cache.delete(sessionId)
  }

  private async load(sessionId: string): Promise<StoredControl> {
    const cached = this.cache.get(sessionId)
    if (cached) return cached
    let record = await this.storage.getControl(sessionId)
    if (!record) {
      const session = await this.storage.getSession(sessionId)
      const created = newControl({ leadId: null, cities: session?.cities ?? [] })
      const version = await this.storage.saveControl(sessionId, created, 0)
      // Another process created it first: theirs is the one.
      record = version === null ? await this.storage.getControl(sessionId) : { ...created, version }
      if (!record) throw new Error(`control of ${sessionId} could not be created`)
    }
    // Records saved before board modes existed get the defaults.
    record.state.boardMode ??= DEFAULT_BOARD_MODE
    record.state.rounds ??= []
    record.state.reportShared ??= false
    record.state.endedAt ??= null
    record.notes ??= {}
    this.cache.set(sessionId, record)
    return record
  }

  private serial<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(sessionId, task)
  }
}
