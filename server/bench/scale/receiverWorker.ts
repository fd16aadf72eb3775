/**
 * A receiver process of the scale bench: holds its share of the participants, so their CPU is
 * not the server's. Started by workerPool.ts with child_process.fork; answers requests over IPC
 * and stops by itself when the bench goes away or its time is up.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { benchNow, sleep } from './clock'
import { Participant } from './participant'
import type { Arrivals, Envelope, JoinOutcome, WorkerReply, WorkerRequest } from './workerProtocol'

process.setMaxListeners(0) // each y-websocket provider adds a process exit listener

const participants: Participant[] = []
const arrivals: Arrivals = { cards: {}, otherProcessCards: {}, marks: {}, drops: 0, peopleListBytes: 0, participants: 0, awareness: { messages: 0, bytes: 0 }, loopDelay: { p99: 0, max: 0 } }
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
let mark = 0

// Bounded in time whatever happens to the bench.
const lifetime = Number(process.env.BENCH_WORKER_MAX_MS ?? 15 * 60_000)
setTimeout(() => process.exit(0), lifetime).unref()
process.on('disconnect', () => process.exit(0))
const bench = process.ppid
setInterval(() => process.ppid !== bench && process.exit(0), 1000).unref()

function reply(seq: number, message: WorkerReply): void {
  process.send!({ ...message, seq })
}

/** Whether each participant counts in the current phase: only those fully in when it began. */
const counted = new WeakMap<Participant, boolean>()
/** The two-process case: whether a participant sits on the process the writer does not write through. */
const onOtherProcess = new WeakMap<Participant, boolean>()

/** One participant's ears: its first control state after each mark counts for that mark. */
function listen(self: () => Participant) {
  let seenMark = 0
  const counts = () => counted.get(self()) === true
  return {
    onCard: (id: string, at: number) => {
      if (!counts()) return
      ;(arrivals.cards[id] ??= []).push(at)
      if (onOtherProcess.get(self())) (arrivals.otherProcessCards[id] ??= []).push(at)
    },
    onControl: (at: number) => {
      if (!counts() || mark === 0 || seenMark >= mark) return
      seenMark = mark
      ;(arrivals.marks[mark] ??= []).push(at)
    },
    onDrop: () => void arrivals.drops++,
    onPeopleList: (bytes: number) => void (arrivals.peopleListBytes += bytes),
    onAwareness: (bytes: number) => {
      arrivals.awareness.messages++
      arrivals.awareness.bytes += bytes
    },
  }
}

/** An error in words, with the network's reason under fetch's "fetch failed". */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: string; message?: string } | undefined
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message
}

async function join(request: Extract<WorkerRequest, { type: 'join' }>): Promise<JoinOutcome[]> {
  return Promise.all(
    request.people.map(async ({ person, startAt, localAddress }) => {
      await sleep(Math.max(0, startAt - benchNow()))
      const participant: Participant = new Participant(request.venue, person, listen(() => participant), localAddress ?? null)
      participants.push(participant)
      const started = benchNow()
      let timer: ReturnType<typeof setTimeout> | undefined
      try {
        await Promise.race([
          participant.join(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), request.timeoutMs))),
        ])
        return { ok: true, ms: benchNow() - started, steps: participant.steps, upstream: participant.upstream }
      } catch (error) {
        return { ok: false, ms: benchNow() - started, steps: participant.steps, error: describe(error) }
      } finally {
        clearTimeout(timer)
      }
    }),
  )
}

async function handle(request: Envelope<WorkerRequest>): Promise<void> {
  switch (request.type) {
    case 'join': {
      const outcomes = await join(request)
      arrivals.participants = participants.length
      return reply(request.seq, { type: 'joined', outcomes })
    }
    case 'presence':
      // Each person's presence starts at their own moment within the spread, as people arrive.
      await Promise.all(
        participants.map(async (p) => {
          await sleep(Math.random() * request.spreadMs)
          p.setPresence(request.on)
        }),
      )
      return reply(request.seq, { type: 'presence-set' })
    case 'phase':
      for (const p of participants) {
        counted.set(p, p.joined)
        onOtherProcess.set(p, !!request.writerProcess && p.upstream !== null && p.upstream !== request.writerProcess)
      }
      return reply(request.seq, {
        type: 'phase-started',
        counted: participants.filter((p) => p.joined).length,
        countedOnOtherProcess: participants.filter((p) => p.joined && onOtherProcess.get(p)).length,
      })
    case 'mark':
      mark = request.mark
      return reply(request.seq, { type: 'marked' })
    case 'progress': {
      const delivered = request.ids.reduce((sum, id) => sum + (arrivals.cards[id]?.length ?? 0), 0)
      const joined = participants.filter((p) => p.joined).length
      return reply(request.seq, { type: 'progress', delivered, participants: participants.length, joined })
    }
    case 'collect': {
      const cards: Record<string, number[]> = {}
      const otherProcessCards: Record<string, number[]> = {}
      for (const id of request.ids) {
        cards[id] = arrivals.cards[id] ?? []
        otherProcessCards[id] = arrivals.otherProcessCards[id] ?? []
      }
      const delay = { p99: Math.round(loopDelay.percentile(99) / 1e5) / 10, max: Math.round(loopDelay.max / 1e5) / 10 }
      loopDelay.reset()
      const awareness = arrivals.awareness
      arrivals.awareness = { messages: 0, bytes: 0 }
      return reply(request.seq, { type: 'arrivals', arrivals: { ...arrivals, cards, otherProcessCards, awareness, loopDelay: delay } })
    }
    case 'close':
      for (const p of participants) p.destroy()
      reply(request.seq, { type: 'closed' })
      setTimeout(() => process.exit(0), 50)
  }
}

process.on('message', (request: Envelope<WorkerRequest>) => {
  handle(request).catch((error) => {
    console.error('[scale worker]', error)
    process.exit(1)
  })
})
