import { v4 as uuid } from 'uuid'
import { io, type Socket } from 'socket.io-client'
import type { CreateSessionResult, SessionState } from '@harvest/shared'
import { PLENARY_AREA, addCard } from '@harvest/shared'
import { percentile } from '../stats'
import { benchNow, sleep } from './clock'
import { Participant, type Person, type Venue } from './participant'
import { startServer, type RunningServer, type ServerKind } from './serverProcess'
import { WorkerPool } from './workerPool'

export type PresenceMode = 'off' | 'on'

export interface ScenarioOptions {
  server: ServerKind
  receivers: number
  /** Phases run in this order on the same joined participants. */
  phases: PresenceMode[]
  cards: number
  cardGapMs: number
  /** Participants start joining this far apart (1,000 at 20 ms: all within 20 s). */
  joinGapMs: number
  /** Clock changes sent by the facilitator per phase (ours only). */
  clockChanges: number
  /** Presence comes on for each person at a random moment within this window, as people arrive. */
  presenceSpreadMs: number
  /** How long the last card and clock change may take to reach everyone before counting it lost. */
  drainMs: number
  workers: number
}

export const DEFAULT_SCENARIO: Omit<ScenarioOptions, 'server' | 'receivers'> = {
  phases: ['off', 'on'],
  cards: 30,
  cardGapMs: 500,
  joinGapMs: 20,
  clockChanges: 5,
  presenceSpreadMs: 15_000,
  drainMs: 10_000,
  workers: 2,
}

/** A latency sample's summary; a delivery that never came counts as infinitely late. */
export interface Latency {
  expected: number
  delivered: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
}

export interface PhaseResult {
  presence: PresenceMode
  /** A card added by the writer reaching every receiver. */
  cards: Latency
  /** A clock change by the facilitator reaching every receiver's socket.io connection (ours only). */
  clock: Latency | null
  /** Server resident memory at the end of the phase. */
  rssBytes: number
  /** The receiver processes' own event-loop delay during the phase, worst of them (ms): when high, they and not the server held things up. */
  receiverLoopDelay: { p99: number; max: number }
}

export interface RunResult {
  server: ServerKind
  receivers: number
  joins: {
    count: number
    failed: number
    firstError: string | null
    p50: number | null
    p99: number | null
    max: number | null
    /** From the first join's start to the last one's end. */
    allWithinMs: number
    /** Receivers fully in (a join that timed out goes on trying) when the first phase started. */
    inWhenPhasesStarted: number
    /** The receiver processes' own event-loop delay while joining, worst of them (ms). */
    receiverLoopDelay: { p99: number; max: number }
    /** p50 of each step's end, from the join's start: the HTTP join's answer, the session state, the synced board. */
    stepsP50: { http: number | null; session: number | null; board: number | null }
  }
  memory: { beforeBytes: number; joinedBytes: number; perParticipantBytes: Partial<Record<PresenceMode, number>> }
  phases: PhaseResult[]
  /** Connections that dropped during the run (each reconnects by itself). */
  drops: number
  /** Bytes of people lists ('members:changed') all receivers got while everyone joined. */
  peopleListBytesWhileJoining: number
}

const CITIES = [
  { name: 'Cluj-Napoca', kind: 'pilot' },
  { name: 'Galway', kind: 'pilot' },
  { name: 'Istanbul', kind: 'pilot' },
  { name: 'Kraków', kind: 'twin' },
  { name: 'Belfast', kind: 'twin' },
  { name: 'Mytilene', kind: 'twin' },
] as const

const person = (name: string, i: number): Person => ({ name, city: CITIES[i % CITIES.length]!.name, cityKind: CITIES[i % CITIES.length]!.kind })

const round = (value: number) => Math.round(value * 10) / 10

/** Percentiles over every delivery, the missing ones counted as never arriving. */
export function summarise(latencies: number[], expected: number): Latency {
  const sample = [...latencies, ...new Array<number>(Math.max(0, expected - latencies.length)).fill(Number.POSITIVE_INFINITY)]
  const at = (p: number) => {
    const value = percentile(sample, p)
    return Number.isFinite(value) ? round(value) : null
  }
  return { expected, delivered: latencies.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) }
}

/** Creates a session as a facilitator does and keeps the facilitator's socket to drive the clocks. */
async function openSession(server: RunningServer): Promise<{ venue: Venue; facilitator: Socket; itemId: string }> {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Scale bench', cluster: 'Bench', date: '2026-12-01', facilitatorName: 'Fran', cities: CITIES }),
  })
  if (!response.ok) throw new Error(`creating the session answered ${response.status}: ${await response.text()}`)
  const created = (await response.json()) as CreateSessionResult
  const invite = created.invites.find((i) => i.role === 'participant')
  if (!invite) throw new Error('the new session has no participant invitation')
  const facilitator = io(server.url, { auth: { token: created.memberToken }, transports: ['websocket'], forceNew: true })
  const state = await new Promise<SessionState>((resolve) => facilitator.once('session:state', resolve))
  const itemId = state.control.agenda[0]?.id
  if (!itemId) throw new Error('the new session has no agenda item to run a clock for')
  return { venue: { kind: 'ours', url: server.url, wsUrl: server.wsUrl, room: created.session.id, inviteToken: invite.token }, facilitator, itemId }
}

/** One server, `receivers` participants in worker processes, one writer, and each presence phase in turn. */
export async function runScenario(options: ScenarioOptions, log: (line: string) => void = () => {}): Promise<RunResult> {
  const { receivers } = options
  const server = await startServer(options.server)
  const pool = WorkerPool.start(options.workers)
  let writer: Participant | null = null
  let facilitator: Socket | null = null
  try {
    let venue: Venue = { kind: 'bare', url: server.url, wsUrl: server.wsUrl, room: 'scale-bench', inviteToken: null }
    let itemId = ''
    if (options.server === 'ours') ({ venue, facilitator, itemId } = await openSession(server))
    writer = new Participant(venue, person('Writer', 0), { onCard: () => {}, onControl: () => {}, onDrop: () => {}, onPeopleList: () => {} })
    await writer.join()
    await sleep(500)
    const beforeBytes = server.rss()

    // Joining: people arrive joinGapMs apart, dealt to the workers in turn, once the workers are up.
    await pool.all({ type: 'progress', ids: [] })
    const t0 = benchNow() + 500
    const shares = Array.from({ length: pool.size }, () => [] as { person: Person; startAt: number }[])
    for (let i = 0; i < receivers; i++) shares[i % pool.size]!.push({ person: person(`Receiver ${i}`, i), startAt: t0 + i * options.joinGapMs })
    const joined = await pool.all<'joined'>((w) => ({ type: 'join', venue, people: shares[w]!, timeoutMs: 30_000 }))
    const outcomes = joined.flatMap((r) => r.outcomes)
    const ok = outcomes.filter((o) => o.ok).map((o) => o.ms)
    const lastEnd = Math.max(...shares.flatMap((share, w) => share.map((s, i) => s.startAt + joined[w]!.outcomes[i]!.ms)))
    const joins = {
      count: outcomes.length,
      failed: outcomes.length - ok.length,
      firstError: outcomes.find((o) => !o.ok)?.error ?? null,
      ...pick(summarise(ok, outcomes.length)),
      allWithinMs: Math.round(lastEnd - t0),
      receiverLoopDelay: { p99: 0, max: 0 },
      inWhenPhasesStarted: 0,
      // A step that never ended counts as never arriving (its time stays 0).
      stepsP50: {
        http: summarise(outcomes.map((o) => o.steps.http).filter((t) => t > 0), outcomes.length).p50,
        session: summarise(outcomes.map((o) => o.steps.session).filter((t) => t > 0), outcomes.length).p50,
        board: summarise(outcomes.map((o) => o.steps.board).filter((t) => t > 0), outcomes.length).p50,
      },
    }
    const afterJoins = await pool.all<'arrivals'>({ type: 'collect', ids: [] })
    const worstDelay = (replies: { arrivals: { loopDelay: { p99: number; max: number } } }[]) => ({
      p99: Math.max(...replies.map((r) => r.arrivals.loopDelay.p99)),
      max: Math.max(...replies.map((r) => r.arrivals.loopDelay.max)),
    })
    const peopleListBytesWhileJoining = afterJoins.reduce((sum, r) => sum + r.arrivals.peopleListBytes, 0)
    joins.receiverLoopDelay = worstDelay(afterJoins)
    log(`    ${receivers} joined (${joins.failed} failed${joins.firstError ? `, first: ${joins.firstError}` : ''}) in ${(joins.allWithinMs / 1000).toFixed(1)} s, join p50 ${joins.p50} ms p99 ${joins.p99} ms (p50 of HTTP ${joins.stepsP50.http}, session state ${joins.stepsP50.session}, board ${joins.stepsP50.board} ms); people lists received meanwhile ${(peopleListBytesWhileJoining / 1e6).toFixed(1)} MB in all; receivers' loop delay p99 ${joins.receiverLoopDelay.p99} ms`)
    // A join that timed out goes on trying; the phases start once everyone is in (or a while later).
    const settleUntil = benchNow() + options.drainMs * 3
    for (;;) {
      const progress = await pool.all<'progress'>({ type: 'progress', ids: [] })
      joins.inWhenPhasesStarted = progress.reduce((sum, p) => sum + p.joined, 0)
      if (joins.inWhenPhasesStarted >= receivers || benchNow() >= settleUntil) break
      await sleep(250)
    }
    await sleep(1000)
    const joinedBytes = server.rss()
    const perParticipantBytes: Partial<Record<PresenceMode, number>> = {}

    const phases: PhaseResult[] = []
    let mark = 0
    let presenceOn = false
    for (const presence of options.phases) {
      const on = presence === 'on'
      if (on !== presenceOn) {
        writer.setPresence(on, on ? 'new' : null)
        await pool.all({ type: 'presence', on, spreadMs: on ? options.presenceSpreadMs : 0 })
        presenceOn = on
      }
      // Cards on a fixed schedule, so a slow send does not stretch the gaps.
      const sent = new Map<string, number>()
      const start = benchNow()
      for (let k = 0; k < options.cards; k++) {
        await sleep(start + k * options.cardGapMs - benchNow())
        const id = uuid()
        const authorId = writer.state?.you.authorKey ?? writer.memberId
        sent.set(id, benchNow())
        addCard(writer.doc, { id, text: `Card ${k} of the scale bench: what we learned about engaging residents early.`, authorId, authorName: writer.person.name, city: writer.person.city, cityKind: writer.person.cityKind, area: PLENARY_AREA })
      }
      const ids = [...sent.keys()]
      const expectedCards = ids.length * receivers
      const drainUntil = benchNow() + options.drainMs
      while (benchNow() < drainUntil) {
        const progress = await pool.all<'progress'>({ type: 'progress', ids })
        if (progress.reduce((sum, p) => sum + p.delivered, 0) >= expectedCards) break
        await sleep(200)
      }

      // Clock changes: each receiver's first control state after a mark is that change arriving.
      const clockSent = new Map<number, number>()
      if (facilitator && options.clockChanges > 0) {
        for (let c = 0; c < options.clockChanges; c++) {
          mark++
          await pool.all({ type: 'mark', mark })
          clockSent.set(mark, benchNow())
          const ack = (await facilitator.timeout(10_000).emitWithAck('clock:command', { target: { kind: 'item', id: itemId }, command: { op: c % 2 === 0 ? 'start' : 'pause' } })) as { ok: boolean; message?: string }
          if (!ack.ok) throw new Error(`the clock command was refused: ${ack.message}`)
          await sleep(400)
        }
        await sleep(Math.min(options.drainMs, 2000))
      }

      const collected = await pool.all<'arrivals'>({ type: 'collect', ids })
      const cardLatencies: number[] = []
      const clockLatencies: number[] = []
      for (const { arrivals } of collected) {
        for (const id of ids) for (const at of arrivals.cards[id] ?? []) cardLatencies.push(at - sent.get(id)!)
        for (const [m, at] of clockSent) for (const arrived of arrivals.marks[m] ?? []) clockLatencies.push(arrived - at)
      }
      const rssBytes = server.rss()
      perParticipantBytes[presence] = Math.round((rssBytes - beforeBytes) / receivers)
      const result: PhaseResult = {
        presence,
        cards: summarise(cardLatencies, expectedCards),
        clock: clockSent.size ? summarise(clockLatencies, clockSent.size * receivers) : null,
        rssBytes,
        receiverLoopDelay: worstDelay(collected),
      }
      phases.push(result)
      log(`    presence ${presence}: cards p50 ${result.cards.p50} p95 ${result.cards.p95} p99 ${result.cards.p99} ms (${result.cards.delivered}/${result.cards.expected}), receivers' loop delay p99 ${result.receiverLoopDelay.p99} ms` +
        (result.clock ? `; clock p50 ${result.clock.p50} p99 ${result.clock.p99} ms (${result.clock.delivered}/${result.clock.expected})` : ''))
    }
    const final = await pool.all<'arrivals'>({ type: 'collect', ids: [] })
    return {
      server: options.server,
      receivers,
      joins,
      memory: { beforeBytes, joinedBytes, perParticipantBytes },
      phases,
      drops: final.reduce((sum, r) => sum + r.arrivals.drops, 0),
      peopleListBytesWhileJoining,
    }
  } finally {
    writer?.destroy()
    facilitator?.disconnect()
    await pool.close()
    await server.stop()
  }
}

function pick({ p50, p99, max }: { p50: number | null; p99: number | null; max: number | null }) {
  return { p50, p99, max }
}
