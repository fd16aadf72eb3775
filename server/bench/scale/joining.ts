import type { CityKind } from '@harvest/shared'
import { benchNow, sleep } from './clock'
import { summarise, worstDelay, type LoopDelay } from './latency'
import type { Person, Venue } from './participant'
import { loopbackAddress } from './loopbackAddress'
import type { WorkerPool } from './workerPool'
import type { JoinTicket } from './workerProtocol'

export interface JoinFigures {
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
  /** The receiver processes' own event-loop delay while joining. */
  receiverLoopDelay: LoopDelay
  /** p50 of each step's end, from the join's start: the HTTP join's answer, the session state, the synced board. */
  stepsP50: { http: number | null; session: number | null; board: number | null }
  /** Bytes of people lists ('people:changed') all receivers got while everyone joined. */
  peopleListBytes: number
  /** The two-process case: how many joined through each process ("127.0.0.1:port"), as nginx's header named it. */
  perProcess?: Record<string, number>
}

const CITIES: readonly { name: string; kind: CityKind }[] = [
  { name: 'Cluj-Napoca', kind: 'pilot' },
  { name: 'Galway', kind: 'pilot' },
  { name: 'Istanbul', kind: 'pilot' },
  { name: 'Kraków', kind: 'twin' },
  { name: 'Belfast', kind: 'twin' },
  { name: 'Mytilene', kind: 'twin' },
]

/** The session's cities; the bench's people speak for them in turn. */
export const SESSION_CITIES = CITIES

export const person = (name: string, i: number): Person => ({ name, city: CITIES[i % CITIES.length]!.name, cityKind: CITIES[i % CITIES.length]!.kind })

/**
 * Lets `receivers` people arrive `gapMs` apart, dealt to the receiver processes in turn, and
 * waits (up to `settleMs` more) until the joins that timed out are in too, so the phases measure
 * a session everyone has joined.
 */
export async function joinEveryone(pool: WorkerPool, venue: Venue, receivers: number, { gapMs, timeoutMs = 30_000, settleMs }: { gapMs: number; timeoutMs?: number; settleMs: number }): Promise<JoinFigures> {
  await pool.all({ type: 'progress', ids: [] }) // the workers are up
  const t0 = benchNow() + 500
  const shares = Array.from({ length: pool.size }, () => [] as JoinTicket[])
  for (let i = 0; i < receivers; i++) {
    const ticket: JoinTicket = { person: person(`Receiver ${i}`, i), startAt: t0 + i * gapMs }
    if (venue.kind === 'cluster') ticket.localAddress = loopbackAddress(i)
    shares[i % pool.size]!.push(ticket)
  }
  const joined = await pool.all<'joined'>((w) => ({ type: 'join', venue, people: shares[w]!, timeoutMs }))
  const outcomes = joined.flatMap((r) => r.outcomes)
  const ok = outcomes.filter((o) => o.ok).map((o) => o.ms)
  const lastEnd = Math.max(...shares.flatMap((share, w) => share.map((s, i) => s.startAt + joined[w]!.outcomes[i]!.ms)))
  const afterJoins = await pool.all<'arrivals'>({ type: 'collect', ids: [] })
  // A step that never ended counts as never arriving (its time stays 0).
  const step = (name: 'http' | 'session' | 'board') => summarise(outcomes.map((o) => o.steps[name]).filter((t) => t > 0), outcomes.length).p50
  const { p50, p99, max } = summarise(ok, outcomes.length)
  const figures: JoinFigures = {
    count: outcomes.length,
    failed: outcomes.length - ok.length,
    firstError: outcomes.find((o) => !o.ok)?.error ?? null,
    p50,
    p99,
    max,
    allWithinMs: Math.round(lastEnd - t0),
    inWhenPhasesStarted: 0,
    receiverLoopDelay: worstDelay(afterJoins),
    stepsP50: { http: step('http'), session: step('session'), board: step('board') },
    peopleListBytes: afterJoins.reduce((sum, r) => sum + r.arrivals.peopleListBytes, 0),
  }
  if (venue.kind === 'cluster') {
    figures.perProcess = {}
    for (const o of outcomes) if (o.ok) figures.perProcess[o.upstream ?? 'unknown'] = (figures.perProcess[o.upstream ?? 'unknown'] ?? 0) + 1
  }
  const settleUntil = benchNow() + settleMs
  for (;;) {
    const progress = await pool.all<'progress'>({ type: 'progress', ids: [] })
    figures.inWhenPhasesStarted = progress.reduce((sum, p) => sum + p.joined, 0)
    if (figures.inWhenPhasesStarted >= receivers || benchNow() >= settleUntil) break
    await sleep(250)
  }
  return figures
}

export function describeJoins(receivers: number, j: JoinFigures, withSession: boolean): string {
  const steps = withSession ? sessionSteps(j) : ''
  return `    ${receivers} joined (${j.failed} failed${j.firstError ? `, first: ${j.firstError}` : ''}; ${j.inWhenPhasesStarted} in when measuring started) within ${(j.allWithinMs / 1000).toFixed(1)} s, ` +
    `join p50 ${j.p50} ms p99 ${j.p99} ms${steps}; receivers' loop delay p99 ${j.receiverLoopDelay.p99} ms${split(j)}`
}

/** The two-process case: how the participants were spread over the processes. */
function split(j: JoinFigures): string {
  if (!j.perProcess) return ''
  return `\n    joined through each process: ${Object.entries(j.perProcess).sort().map(([upstream, n]) => `${upstream} ${n}`).join(', ')}`
}

function sessionSteps(j: JoinFigures): string {
  return ` (p50 of HTTP ${j.stepsP50.http}, session state ${j.stepsP50.session}, board ${j.stepsP50.board} ms); people lists received meanwhile ${(j.peopleListBytes / 1e6).toFixed(1)} MB in all`
}
