import type { Socket } from 'socket.io-client'
import { v4 as uuid } from 'uuid'
import { PLENARY_AREA, addCard } from '@harvest/shared'
import { benchNow, sleep } from './clock'
import { summarise, worstDelay, type Latency, type LoopDelay } from './latency'
import type { Participant } from './participant'
import type { WorkerPool } from './workerPool'

export type PresenceMode = 'off' | 'on'

export interface PhaseResult {
  presence: PresenceMode
  /** Receivers fully in when the phase began: the ones its figures count. */
  receivers: number
  /** A card added by the writer reaching every receiver. */
  cards: Latency
  /** The two-process case: the same, counting only the receivers on the process the writer is not on. */
  otherProcessCards?: Latency
  /** A clock change by the facilitator reaching every receiver's socket.io connection (ours only). */
  clock: Latency | null
  /** Clock commands the server did not answer within 10 s. */
  clockUnanswered: number
  /** Server resident memory at the end of the phase. */
  rssBytes: number
  /** The receiver processes' own event-loop delay during the phase: when high, they and not the server held things up. */
  receiverLoopDelay: LoopDelay
  /** Presence messages that reached all receivers during the phase (and the presence switch before it), and their bytes. */
  awareness: { messages: number; bytes: number }
}

export interface PhaseSetup {
  pool: WorkerPool
  writer: Participant
  cards: number
  cardGapMs: number
  drainMs: number
  /** The facilitator's socket and the agenda item whose clock it runs; null on the bare server. */
  clock: { facilitator: Socket; itemId: string; changes: number } | null
  rss: () => number
  /** The two-process case: the process the writer writes through ("127.0.0.1:port"). */
  writerProcess?: string | null
}

/** Numbers the clock changes across phases, so each receiver's first control state after a mark is that change. */
let lastMark = 0

/**
 * One measurement: the writer adds its cards on a fixed schedule, everyone gets the time to
 * receive them, then the facilitator changes the clock a few times.
 */
export async function runPhase(presence: PresenceMode, setup: PhaseSetup): Promise<PhaseResult> {
  const { pool, writer } = setup
  // A receiver whose join never finished is a join figure, not a card lost on the way.
  const started = await pool.all<'phase-started'>({ type: 'phase', writerProcess: setup.writerProcess ?? null })
  const receivers = started.reduce((sum, r) => sum + r.counted, 0)
  const onOtherProcess = started.reduce((sum, r) => sum + r.countedOnOtherProcess, 0)
  const sent = new Map<string, number>()
  const start = benchNow()
  for (let k = 0; k < setup.cards; k++) {
    // A fixed schedule, so a slow send does not stretch the gaps.
    await sleep(start + k * setup.cardGapMs - benchNow())
    const id = uuid()
    const authorId = writer.state?.you.authorKey ?? writer.memberId
    sent.set(id, benchNow())
    addCard(writer.doc, {
      id, text: `Card ${k} of the scale bench: what we learned about engaging residents early.`,
      authorId, authorName: writer.person.name, city: writer.person.city, cityKind: writer.person.cityKind, area: PLENARY_AREA,
    })
  }
  const ids = [...sent.keys()]
  const expectedCards = ids.length * receivers
  const drainUntil = benchNow() + setup.drainMs
  while (benchNow() < drainUntil) {
    const progress = await pool.all<'progress'>({ type: 'progress', ids })
    if (progress.reduce((sum, p) => sum + p.delivered, 0) >= expectedCards) break
    await sleep(200)
  }

  const clockSent = new Map<number, number>()
  let clockUnanswered = 0
  if (setup.clock) {
    const { facilitator, itemId, changes } = setup.clock
    for (let c = 0; c < changes; c++) {
      const mark = ++lastMark
      await pool.all({ type: 'mark', mark })
      clockSent.set(mark, benchNow())
      const command = { target: { kind: 'item', id: itemId }, command: { op: c % 2 === 0 ? 'start' : 'pause' } }
      // An answer that never comes is a figure too: that change counts as lost wherever it did not arrive.
      const ack = (await facilitator.timeout(10_000).emitWithAck('clock:command', command).catch(() => null)) as { ok: boolean; message?: string } | null
      if (ack && !ack.ok) throw new Error(`the clock command was refused: ${ack.message}`)
      if (!ack) clockUnanswered++
      await sleep(400)
    }
    await sleep(Math.min(setup.drainMs, 2000))
  }

  const collected = await pool.all<'arrivals'>({ type: 'collect', ids })
  const cardLatencies: number[] = []
  const clockLatencies: number[] = []
  const otherProcessLatencies: number[] = []
  for (const { arrivals } of collected) {
    for (const id of ids) for (const at of arrivals.cards[id] ?? []) cardLatencies.push(at - sent.get(id)!)
    for (const id of ids) for (const at of arrivals.otherProcessCards[id] ?? []) otherProcessLatencies.push(at - sent.get(id)!)
    for (const [mark, at] of clockSent) for (const arrived of arrivals.marks[mark] ?? []) clockLatencies.push(arrived - at)
  }
  return {
    presence,
    receivers,
    cards: summarise(cardLatencies, expectedCards),
    ...(setup.writerProcess ? { otherProcessCards: summarise(otherProcessLatencies, ids.length * onOtherProcess) } : {}),
    clock: clockSent.size ? summarise(clockLatencies, clockSent.size * receivers) : null,
    clockUnanswered,
    rssBytes: setup.rss(),
    receiverLoopDelay: worstDelay(collected),
    awareness: {
      messages: collected.reduce((sum, r) => sum + r.arrivals.awareness.messages, 0),
      bytes: collected.reduce((sum, r) => sum + r.arrivals.awareness.bytes, 0),
    },
  }
}

export function describePhase(r: PhaseResult): string {
  const other = r.otherProcessCards
  const across = other ? `; to the receivers on the other process p50 ${other.p50} p99 ${other.p99} ms (${other.delivered}/${other.expected})` : ''
  const clock = r.clock ? `; clock p50 ${r.clock.p50} p99 ${r.clock.p99} ms (${r.clock.delivered}/${r.clock.expected}${r.clockUnanswered ? `, ${r.clockUnanswered} unanswered` : ''})` : ''
  return `    presence ${r.presence}: cards p50 ${r.cards.p50} p95 ${r.cards.p95} p99 ${r.cards.p99} ms (${r.cards.delivered}/${r.cards.expected})${across}${clock}; presence messages received ${r.awareness.messages.toLocaleString('en')} (${(r.awareness.bytes / 1e6).toFixed(1)} MB); receivers' loop delay p99 ${r.receiverLoopDelay.p99} ms`
}
