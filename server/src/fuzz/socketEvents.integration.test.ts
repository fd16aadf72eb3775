import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { ClientEventName, ErrorCode, JoinResult, Role } from '@harvest/shared'
import { boardDocName, harvestDocName } from '../documents/documentKinds'
import { createSession, joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, type ClientSocket } from '../testing/clients'
import { startTestServer, type TestServer } from '../testing/testServer'
import { EVENT_NAMES, eventCaseArb, nested, type EventCase } from './eventPayloads'
import { Tally, fuzz } from './seed'

const FILE = path.relative(process.cwd(), new URL(import.meta.url).pathname)
const CASES = Number(process.env.FUZZ_SOCKET_CASES ?? 6_000)
const ERROR_CODES: readonly ErrorCode[] = ['invalid', 'forbidden', 'not_found', 'unauthorized', 'conflict', 'rate_limited', 'unavailable', 'internal']
const ANSWER_MS = 15_000

/** Corpus values with "$deep"/"$huge" markers expanded; keys such as "__proto__" stay own keys, as JSON.parse makes them. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand)
  if (!value || typeof value !== 'object') return value
  const entries = Object.entries(value)
  if (entries.length === 1 && entries[0]![0] === '$deep') return nested(Number(entries[0]![1]), false)
  if (entries.length === 1 && entries[0]![0] === '$huge') return 'x'.repeat(Number(entries[0]![1]))
  const out = {}
  for (const [key, inner] of entries) Object.defineProperty(out, key, { value: expand(inner), enumerable: true, writable: true, configurable: true })
  return out
}

type Loose = { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }; emit(event: string, ...args: unknown[]): void }

/** Whether an acknowledgement is one a client can show: a result, or a known error code with a message. */
function wellFormed(answer: unknown): boolean {
  if (!answer || typeof answer !== 'object') return false
  const { ok, error, message } = answer as { ok?: unknown; error?: unknown; message?: unknown }
  if (ok === true) return 'data' in answer
  return ok === false && ERROR_CODES.includes(error as ErrorCode) && typeof message === 'string' && message.trim().length > 0
}

describe('fuzzing every socket event', () => {
  let server: TestServer
  let sessionId: string
  /** One connection per member, reused across cases; a removed member is replaced. */
  const pool: Array<{ role: Role; member: JoinResult; socket: ClientSocket }> = []
  const tally = new Tally()
  const serverErrors: unknown[][] = []

  beforeAll(async () => {
    server = await startTestServer({ printer: null })
    const created = await createSession(server.url)
    sessionId = created.session.id
    // Enough connections that taking turns keeps each under its rate limit (SOCKET_EVENTS_PER_SECOND).
    const roles: Role[] = ['participant', 'participant', 'participant', 'observer', 'observer', 'observer', 'harvester', 'participant', 'observer', 'participant']
    for (const role of [...roles, ...roles]) {
      const member = await joinAs(server.url, created, role, { name: `${role} ${pool.length}` })
      pool.push({ role, member, socket: watch((await connectSocket(server.url, member.memberToken)).socket) })
    }
    // The server logs a handler that threw; each is counted as a crash of that event.
    const original = console.error
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (String(args[0]).startsWith('[socket]')) serverErrors.push(args)
      original(...args)
    })
  }, 60_000)

  afterAll(async () => {
    vi.restoreAllMocks()
    tally.print('socket events')
    await disposeAll()
  })

  /** Counts why the server closed a connection (a removed member, a role change, a frame socket.io refused). */
  function watch(socket: ClientSocket): ClientSocket {
    socket.on('disconnect', (reason) => tally.add(`disconnects: ${reason}`))
    return socket
  }

  /** The session's data as the server holds it: control state, board and harvest documents. */
  async function snapshot(): Promise<string> {
    const { state } = await server.app.ctx.control.read(sessionId)
    const board = (await server.app.docs.open(boardDocName(sessionId))).doc
    const harvest = (await server.app.docs.open(harvestDocName(sessionId))).doc
    const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64')
    return JSON.stringify({ state, board: vector(board), harvest: vector(harvest) })
  }

  /** A live connection of pool member `at`, reconnecting (or joining anew, if removed) when the server closed it. */
  async function socketAt(at: number): Promise<ClientSocket> {
    const slot = pool[at % pool.length]!
    if (slot.socket.connected) return slot.socket
    tally.add('connections replaced')
    slot.socket = watch((await connectSocket(server.url, slot.member.memberToken)).socket)
    return slot.socket
  }

  let turn = 0
  /** Sends one case and checks the answer; returns what it saw for the tally. */
  async function run({ event, args, withAck }: EventCase): Promise<void> {
    const at = turn++
    const socket = (await socketAt(at)) as unknown as Loose
    const before = await snapshot()
    const errorsBefore = serverErrors.length
    let answer: unknown
    if (withAck) {
      answer = await socket.timeout(ANSWER_MS).emitWithAck(event, ...args).catch((error: Error) => ({ unanswered: error.message }))
      expect(answer, `${event} answered`).not.toHaveProperty('unanswered')
      expect(wellFormed(answer), `${event} answered with a result or a clear error: ${JSON.stringify(answer)?.slice(0, 300)}`).toBe(true)
    } else {
      socket.emit(event, ...args)
      // Without a callback there is nothing to read; the server must still be there and answer the next request.
      answer = await socket.timeout(ANSWER_MS).emitWithAck('drafts:list', {})
      expect(wellFormed(answer), 'the server answers after an event without a callback').toBe(true)
      answer = null
    }
    expect(serverErrors.slice(errorsBefore), `${event}: no handler failed`).toEqual([])
    tally.add('cases')
    const code = answer === null ? 'no callback' : (answer as { ok: boolean; error?: string }).ok ? 'ok' : (answer as { error: string }).error
    tally.add(`answers: ${code}`)
    expect(code, `${event}: not a server failure`).not.toBe('internal')
    if (answer !== null && (answer as { ok: boolean }).ok === false) {
      tally.add('refusals')
      expect(await snapshot(), `${event} refused and changed nothing`).toBe(before)
    }
  }

  it('answers the kept corpus on every event with a result or a clear error, and a refusal changes nothing', async () => {
    const corpus = JSON.parse(fs.readFileSync(new URL('./corpus/socketEvents.json', import.meta.url), 'utf8')) as { cases: Array<{ args: unknown[]; ack: boolean }> }
    for (const entry of corpus.cases) {
      for (const event of EVENT_NAMES) await run({ event: event as ClientEventName, args: expand(entry.args) as unknown[], withAck: entry.ack })
    }
    tally.add('corpus cases', corpus.cases.length * EVENT_NAMES.length)
  }, 170_000)

  it(`answers ${CASES.toLocaleString('en')} generated cases (malformed payloads, wrong types, missing and extra arguments, prototype keys), crashing none`, async () => {
    await fuzz(FILE, CASES, fc.asyncProperty(eventCaseArb, async (c) => void (await run(c))))
    tally.add('crashes', serverErrors.length)
    expect(serverErrors).toEqual([])
  }, 170_000)
})
