import { io, type Socket } from 'socket.io-client'
import type { CreateSessionResult, SessionState } from '@harvest/shared'
import { sleep } from './clock'
import { describeJoins, joinEveryone, person, SESSION_CITIES, type JoinFigures } from './joining'
import { Participant, type Venue } from './participant'
import { describePhase, runPhase, type PhaseResult, type PresenceMode } from './phase'
import { speaksOurs, SERVER_NAMES } from './serverKind'
import { startServer, type RunningServer, type ServerKind } from './serverProcess'
import { WorkerPool } from './workerPool'
import type { LiveMemory } from '../../src/memoryProbe'

export type { PhaseResult, PresenceMode } from './phase'

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
  drainMs: 5_000,
  workers: 2,
}

export interface RunResult {
  server: ServerKind
  /** The server as the table and chart name it. */
  serverName: string
  receivers: number
  joins: JoinFigures
  /** VmRSS of the server before anyone joined, after everyone did, and per participant at the end of each phase. */
  memory: {
    beforeBytes: number
    joinedBytes: number
    perParticipantBytes: Partial<Record<PresenceMode, number>>
    /**
     * What a participant holds once garbage is collected: the server's heap and the memory its
     * objects hold outside it, after a full collection, before anyone joined and at the end of the
     * last phase (asked after that phase's VmRSS was read, so the VmRSS figures stay as they were).
     * Resident memory also counts garbage not yet collected and heap the collector keeps for later.
     * Null where the server cannot say (the two-process case).
     */
    live: { before: LiveMemory; after: LiveMemory; presence: PresenceMode; perParticipantBytes: number } | null
  }
  phases: PhaseResult[]
  /** Connections that dropped during the run (each reconnects by itself). */
  drops: number
  /** The two-process case: the process the writer and facilitator write through ("127.0.0.1:port"). */
  writerProcess?: string | null
}

/** Creates a session as a facilitator does and keeps the facilitator's socket to drive the clocks. */
async function openSession(server: RunningServer): Promise<{ venue: Venue; facilitator: Socket; itemId: string }> {
  const response = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Scale bench', cluster: 'Bench', date: '2026-12-01', facilitatorName: 'Fran', cities: SESSION_CITIES }),
  })
  if (!response.ok) throw new Error(`creating the session answered ${response.status}: ${await response.text()}`)
  const created = (await response.json()) as CreateSessionResult
  const invite = created.invites.find((i) => i.role === 'participant')
  if (!invite) throw new Error('the new session has no participant invitation')
  const facilitator = io(server.url, { auth: { token: created.memberToken }, transports: ['websocket'], forceNew: true })
  const state = await new Promise<SessionState>((resolve) => facilitator.once('session:state', resolve))
  const itemId = state.control.agenda[0]?.id
  if (!itemId) throw new Error('the new session has no agenda item to run a clock for')
  return { venue: { kind: server.kind, url: server.url, wsUrl: server.wsUrl, room: created.session.id, inviteToken: invite.token }, facilitator, itemId }
}

/** What the server's objects hold: its live heap and the memory outside it that they keep. */
const held = (memory: LiveMemory) => memory.heapUsed + memory.external

function describeLive(live: NonNullable<RunResult['memory']['live']>, receivers: number): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
  const { before, after } = live
  return `    after a full collection, at the end of presence ${live.presence}: heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, outside the heap ${mb(before.external)} → ${mb(after.external)}, ` +
    `resident ${mb(after.rss)}; ${Math.round(live.perParticipantBytes / 1024)} KB live per participant (${receivers.toLocaleString('en')})`
}

/** One server in its own process, `receivers` participants in worker processes, one writer, and each presence phase in turn. */
export async function runScenario(options: ScenarioOptions, log: (line: string) => void = () => {}): Promise<RunResult> {
  const { receivers } = options
  const server = await startServer(options.server)
  const pool = WorkerPool.start(options.workers)
  let writer: Participant | null = null
  let facilitator: Socket | null = null
  try {
    let venue: Venue = { kind: 'bare', url: server.url, wsUrl: server.wsUrl, room: 'scale-bench', inviteToken: null }
    let itemId = ''
    if (speaksOurs(options.server)) ({ venue, facilitator, itemId } = await openSession(server))
    // Two processes: the writer and the facilitator come from 127.0.0.1, so through the same one;
    // the receivers, from addresses of their own, land on both.
    const writerAddress = options.server === 'cluster' ? '127.0.0.1' : null
    writer = new Participant(venue, person('Writer', 0), { onCard: () => {}, onControl: () => {}, onDrop: () => {}, onPeopleList: () => {}, onAwareness: () => {} }, writerAddress)
    await writer.join()
    if (writerAddress) log(`    the writer and facilitator write through ${writer.upstream ?? 'an unknown process'}`)
    await sleep(500)
    const beforeBytes = server.rss()
    const liveBefore = await server.liveMemory()

    const joins = await joinEveryone(pool, venue, receivers, { gapMs: options.joinGapMs, settleMs: options.drainMs * 3 })
    log(describeJoins(receivers, joins, speaksOurs(options.server)))
    await sleep(1000)
    const joinedBytes = server.rss()

    const phases: PhaseResult[] = []
    const perParticipantBytes: Partial<Record<PresenceMode, number>> = {}
    let presenceOn = false
    for (const presence of options.phases) {
      const on = presence === 'on'
      if (on !== presenceOn) {
        writer.setPresence(on, on ? 'new' : null)
        // The reply comes once everyone's presence is set; their heartbeats then renew it every 15 s.
        await pool.all({ type: 'presence', on, spreadMs: on ? options.presenceSpreadMs : 0 })
        presenceOn = on
      }
      const result = await runPhase(presence, {
        pool, writer,
        cards: options.cards, cardGapMs: options.cardGapMs, drainMs: options.drainMs,
        clock: facilitator && options.clockChanges > 0 ? { facilitator, itemId, changes: options.clockChanges } : null,
        rss: () => server.rss(),
        writerProcess: writer.upstream,
      })
      perParticipantBytes[presence] = Math.round((result.rssBytes - beforeBytes) / receivers)
      phases.push(result)
      log(describePhase(result))
    }
    const liveAfter = liveBefore && phases.length > 0 ? await server.liveMemory() : null
    const live = liveBefore && liveAfter
      ? { before: liveBefore, after: liveAfter, presence: phases.at(-1)!.presence, perParticipantBytes: Math.round((held(liveAfter) - held(liveBefore)) / receivers) }
      : null
    if (live) log(describeLive(live, receivers))
    const final = await pool.all<'arrivals'>({ type: 'collect', ids: [] })
    return {
      server: options.server,
      serverName: SERVER_NAMES[options.server],
      ...(writerAddress ? { writerProcess: writer.upstream } : {}),
      receivers,
      joins,
      memory: { beforeBytes, joinedBytes, perParticipantBytes, live },
      phases,
      drops: final.reduce((sum, r) => sum + r.arrivals.drops, 0),
    }
  } finally {
    writer?.destroy()
    facilitator?.disconnect()
    await pool.close()
    await server.stop()
  }
}
