import type { LiveDoc } from '../documents/LiveDoc'
import type { Redis } from './redis'

/** The one stream every process appends its documents' changes to, in order. */
const STREAM = 'harvest:docs'
/** Roughly how many entries the stream keeps: a process away longer than that catches up from the store. */
const STREAM_KEEP = 100_000

type Kind = 'update' | 'awareness' | 'resync'

/** What a document's relay does with what arrives for it. */
export interface RelayTarget {
  live: LiveDoc
  /** Another process asks: read the store again (it could not relay some of its changes). */
  resync(): void
}

/**
 * Carries board and harvest changes between server processes over one Redis stream: every
 * change accepted here is appended (after it is stored), and every process reads the stream from
 * the last entry it saw, so after a lost connection it goes on exactly where it stopped. When
 * Redis itself was away (restarted, maybe empty), each process re-reads its open documents from
 * the store and asks the others to do the same, which covers whatever could not be relayed.
 */
export class DocRelayHub {
  private targets = new Map<string, Set<RelayTarget>>()
  private lastId = '0-0'
  private running = false
  private reader: Redis | null = null
  private unrelayed = new Set<string>()
  private wasDown = false

  constructor(
    private redis: Redis,
    /** This process's name in the stream: what it reads back of its own is skipped. */
    readonly source: string,
  ) {}

  async start(): Promise<void> {
    // Begins after what is in the stream now: what came before is in the store.
    const last = await this.redis.xRevRange(STREAM, '+', '-', { COUNT: 1 })
    this.lastId = last[0]?.id ?? '0-0'
    // XREAD BLOCK holds its connection: it gets one of its own.
    this.reader = this.redis.duplicate()
    this.reader.on('error', () => {})
    await this.reader.connect()
    this.redis.on('error', () => (this.wasDown = true))
    this.redis.on('ready', () => {
      if (!this.wasDown) return
      this.wasDown = false
      this.recovered()
    })
    this.running = true
    void this.readLoop()
  }

  async stop(): Promise<void> {
    this.running = false
    await this.reader?.disconnect().catch(() => {})
  }

  join(name: string, target: RelayTarget): void {
    const set = this.targets.get(name) ?? new Set()
    set.add(target)
    this.targets.set(name, set)
  }

  leave(name: string, target: RelayTarget): void {
    const set = this.targets.get(name)
    set?.delete(target)
    if (set?.size === 0) this.targets.delete(name)
  }

  /** Appends one change of a document; a change that cannot be appended now is covered by a resync later. */
  async publish(name: string, kind: Kind, data: Uint8Array | null): Promise<void> {
    try {
      await this.redis.xAdd(STREAM, '*', { doc: name, src: this.source, kind, data: data ? Buffer.from(data).toString('base64') : '' }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: STREAM_KEEP } })
    } catch {
      if (kind !== 'awareness') this.unrelayed.add(name)
    }
  }

  private async readLoop(): Promise<void> {
    while (this.running) {
      try {
        const reply = (await this.reader!.xRead({ key: STREAM, id: this.lastId }, { BLOCK: 2_000, COUNT: 500 })) as
          | { name: string; messages: { id: string; message: Record<string, string> }[] }[]
          | null
        for (const stream of reply ?? []) {
          for (const { id, message } of stream.messages) {
            this.lastId = id
            if (message.src !== this.source) this.deliver(message)
          }
        }
      } catch {
        if (!this.running) return
        // Redis is away: the client reconnects by itself; read again shortly from the same id.
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
  }

  private deliver(message: Record<string, string>): void {
    const targets = this.targets.get(message.doc ?? '')
    if (!targets) return
    const data = message.data ? new Uint8Array(Buffer.from(message.data, 'base64')) : null
    for (const target of targets) {
      try {
        if (message.kind === 'update' && data) target.live.applyRemoteUpdate(data, message.src!)
        else if (message.kind === 'awareness' && data) target.live.applyRemoteAwareness(data, message.src!)
        else if (message.kind === 'resync') target.resync()
      } catch (error) {
        console.error(`[relay] could not apply a change of ${message.doc}`, error)
      }
    }
  }

  /** Redis is back: catch up from the store, and have the others do so for what this process could not relay. */
  private recovered(): void {
    for (const targets of this.targets.values()) for (const target of targets) target.resync()
    const unrelayed = [...this.unrelayed]
    this.unrelayed.clear()
    for (const name of unrelayed) void this.publish(name, 'resync', null)
  }
}
