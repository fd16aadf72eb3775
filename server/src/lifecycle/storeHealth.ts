import type { StoreProblem, StoreStatus } from '@harvest/shared'
import { STORE_OK_MESSAGE, STORE_PROBLEM_MESSAGE } from '@harvest/shared'
import type { Storage } from '../storage/Storage'

/** How often a store in trouble is tried again. */
export const PROBE_EVERY_MS = 1_000
const PROBE_KEY = 'store-probe'

/** The messages of pg's connection failures that carry no code. */
const PG_CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/

/**
 * Which failures are the store's trouble rather than a bug of ours: SQLite's result codes
 * (better-sqlite3 puts them on `code`), PostgreSQL's SQLSTATE and the network's errno.
 */
export function classifyStoreError(error: unknown): StoreProblem | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'full'
  if (code.startsWith('SQLITE_READONLY') || code === '25006' || code === 'EROFS') return 'read-only'
  if (/^SQLITE_(IOERR|CANTOPEN|CORRUPT|NOTADB)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001'].includes(code)) return 'unavailable'
  // pg reports a connection lost mid-query, or a pool that cannot connect in time, without a code.
  if (!code && error instanceof Error && PG_CONNECTION_LOST.test(error.message)) return 'unavailable'
  return null
}

/** A change a document accepted before its store failed: kept here and written once the store takes writes again. */
interface OwedUpdate {
  doc: string
  update: Uint8Array
  written: () => void
}

/**
 * Whether the store takes writes. The first failed write that is the store's trouble turns it
 * to "in trouble": that is logged loudly, every listener hears it (clients are told) and every
 * change is refused until a probe write succeeds, tried every second. Document updates that
 * were already accepted when their write failed are owed, not dropped: they are written first
 * when the store is back, and read with the stored ones meanwhile.
 */
export class StoreHealth {
  private problem: StoreProblem | null = null
  private since: number | null = null
  private detail = ''
  private owed: OwedUpdate[] = []
  private listeners = new Set<(status: StoreStatus) => void>()
  private timer: NodeJS.Timeout | null = null
  private probing = false

  constructor(
    private store: Storage,
    private now: () => number = Date.now,
    private log: (line: string) => void = (line) => console.error(line),
    private probeEveryMs = PROBE_EVERY_MS,
  ) {}

  get ok(): boolean {
    return this.problem === null
  }

  status(): StoreStatus {
    if (!this.problem) return { ok: true, store: 'ok', since: null, message: STORE_OK_MESSAGE }
    return { ok: false, store: this.problem, since: this.since, message: STORE_PROBLEM_MESSAGE[this.problem] }
  }

  /** What a refused change is told. */
  message(): string {
    return this.status().message
  }

  /** Hears every change of status. */
  onChange(listener: (status: StoreStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Reports a failed write; true when it is the store's trouble (the caller refuses with `message()`). */
  failed(error: unknown): boolean {
    const problem = classifyStoreError(error)
    if (!problem) return false
    this.detail = error instanceof Error ? error.message : String(error)
    if (this.problem === problem) return true
    const first = this.problem === null
    this.problem = problem
    this.since ??= this.now()
    this.log(
      `[store] CANNOT WRITE (${problem}: ${this.detail}). Every change is refused with the reason until the store takes writes again; ` +
        `retrying every ${this.probeEveryMs} ms.${first ? '' : ' (the trouble changed)'}`,
    )
    this.emit()
    this.timer ??= setInterval(() => void this.probe(), this.probeEveryMs)
    this.timer.unref()
    return true
  }

  /**
   * Keeps an accepted document update whose write failed, to be written when the store is back.
   * Resolves once it is written (never, should the process stop first), so the live document
   * can pass it on then.
   */
  owe(doc: string, update: Uint8Array): Promise<void> {
    return new Promise((written) => this.owed.push({ doc, update, written }))
  }

  /** Owed updates of one document, in the order accepted. */
  owedFor(doc: string): Uint8Array[] {
    return this.owed.filter((o) => o.doc === doc).map((o) => o.update)
  }

  /** How many accepted document updates wait for the store. */
  get owedCount(): number {
    return this.owed.length
  }

  /** Tries the store now: the owed updates in order, then a small write of its own. */
  async probe(): Promise<boolean> {
    if (this.ok || this.probing) return this.ok
    this.probing = true
    try {
      while (this.owed.length > 0) {
        const { doc, update, written } = this.owed[0]!
        await this.store.appendUpdate(doc, update)
        this.owed.shift()
        written()
      }
      await this.store.setMeta(PROBE_KEY, String(this.now()))
      this.recovered()
      return true
    } catch (error) {
      const problem = classifyStoreError(error)
      if (problem && problem !== this.problem) this.failed(error)
      return false
    } finally {
      this.probing = false
    }
  }

  /** Stops probing (at shutdown); says what could not be written. */
  dispose(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    if (this.owed.length > 0) this.log(`[store] ${this.owed.length} accepted board changes could not be written before the stop: the store is ${this.problem}`)
  }

  private recovered(): void {
    const lasted = this.since === null ? 0 : this.now() - this.since
    this.log(`[store] writing again after ${Math.round(lasted / 1000)} s (${this.problem}); every held change is stored`)
    this.problem = null
    this.since = null
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.emit()
  }

  private emit(): void {
    const status = this.status()
    for (const listener of this.listeners) listener(status)
  }
}
