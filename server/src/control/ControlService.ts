import type { ControlState } from '@harvest/shared'
import { DEFAULT_BOARD_MODE } from '@harvest/shared'
import type { ControlRecord, Storage } from '../storage/Storage'
import { newControl } from './newControl'
import { SerialQueue } from '../SerialQueue'

/**
 * Holds each session's control state and applies changes one at a time per session, so two
 * facilitators clicking at once cannot interleave. A change works on a copy: if it refuses,
 * nothing is saved or broadcast; if it succeeds, it is saved before anyone is told.
 */
export class ControlService {
  private cache = new Map<string, ControlRecord>()
  private queue = new SerialQueue()

  constructor(
    private storage: Storage,
    private onChange: (sessionId: string, state: ControlState) => void,
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
      const draft = structuredClone(await this.load(sessionId))
      const result = change(draft)
      await this.storage.saveControl(sessionId, draft)
      this.cache.set(sessionId, draft)
      if (broadcast) this.onChange(sessionId, draft.state)
      return result
    })
  }

  /** Forgets cached state, e.g. for a session nobody is in any more. */
  evict(sessionId: string): void {
    this.cache.delete(sessionId)
  }

  private async load(sessionId: string): Promise<ControlRecord> {
    const cached = this.cache.get(sessionId)
    if (cached) return cached
    let record = await this.storage.getControl(sessionId)
    if (!record) {
      const session = await this.storage.getSession(sessionId)
      record = newControl({ leadId: null, cities: session?.cities ?? [] })
      await this.storage.saveControl(sessionId, record)
    }
    // Records saved before board modes existed get the defaults.
    record.state.boardMode ??= DEFAULT_BOARD_MODE
    record.state.rounds ??= []
    record.state.reportShared ??= false
    record.state.endedAt ??= null
    this.cache.set(sessionId, record)
    return record
  }

  private serial<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(sessionId, task)
  }
}
