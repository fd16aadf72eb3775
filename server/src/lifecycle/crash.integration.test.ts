import { afterAll, describe, expect, it } from 'vitest'
import type { ControlState, JoinResult } from '@harvest/shared'
import { addCard, clockPhase, getCards, remainingMs } from '@harvest/shared'
import { createSession, joinAs } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { isSynced } from '../testing/reconnectingClients'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

const WRITERS = 50
const MEMBERS = 10
const WRITE_EVERY_MS = 200
/** The promise: what the server had more than this long before a crash is kept. */
const KEPT_AFTER_MS = 1_000

describe('a crash of the real server process (kill -9)', () => {
  afterAll(disposeAll)

  it(`loses no card of ${WRITERS} writers the server had a second before, and a running clock resumes from its stored start`, async () => {
    const dataDir = tempDir()
    const first = await spawnServer(dataDir)
    const created = await createSession(first.url)
    const members: JoinResult[] = []
    for (let i = 0; i < MEMBERS; i++) members.push(await joinAs(first.url, created, 'participant', { name: `Writer ${i}` }))

    // The facilitator starts the first item's clock, as at the start of a session.
    const fran = await connectSocket(first.url, created.memberToken)
    const controls: ControlState[] = []
    fran.socket.on('control:state', (control) => void controls.push(control))
    const item = fran.welcome.control.agenda[0]!
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: item.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    const started = (await waitFor(() => controls.at(-1)?.agenda[0]?.clock.runningSince ? controls.at(-1) : null, 5_000, 'the clock running')).agenda[0]!.clock

    // The watcher's copy came back from the server, which stores a change before anyone else hears of it.
    const watcher = connectBoard(first.url, created.session.id, created.memberToken)
    const seenAt = new Map<string, number>()
    const writers = Array.from({ length: WRITERS }, (_, i) => connectBoard(first.url, created.session.id, members[i % MEMBERS]!.memberToken))
    await waitFor(() => isSynced(watcher) && writers.every(isSynced), 30_000, 'every board synced')
    getCards(watcher.doc).observe((event) => {
      for (const [key, change] of event.changes.keys) if (change.action === 'add' && !seenAt.has(key)) seenAt.set(key, performance.now())
    })

    let sent = 0
    const timers = writers.map((board, i) => {
      let n = 0
      return setInterval(() => {
        addCard(board.doc, cardBy(members[i % MEMBERS]!.member, `w${i}-${n++}`))
        sent++
      }, WRITE_EVERY_MS)
    })
    await waitFor(() => seenAt.size >= 500, 60_000, '500 cards stored')
    const killedAt = performance.now()
    const killedWall = Date.now()
    await first.kill('SIGKILL')
    for (const timer of timers) clearInterval(timer)
    expect((await first.exited).signal).toBe('SIGKILL')
    for (const board of [...writers, watcher]) board.provider.destroy()

    const second = await spawnServer(dataDir)
    const restartedWall = Date.now()
    const reader = connectBoard(second.url, created.session.id, created.memberToken)
    await reader.synced(20_000)
    const kept = new Set(cardIds(reader.doc))
    const owed = [...seenAt].filter(([, at]) => at < killedAt - KEPT_AFTER_MS).map(([id]) => id)
    const lost = owed.filter((id) => !kept.has(id))
    const seenLost = [...seenAt.keys()].filter((id) => !kept.has(id))
    console.log(
      `[crash] ${sent} cards sent by ${WRITERS} writers, ${seenAt.size} seen back from the server before kill -9, ` +
        `${owed.length} of them over ${KEPT_AFTER_MS} ms before it; after the restart ${kept.size} cards: ` +
        `${lost.length} owed lost, ${seenLost.length} seen lost`,
    )
    expect(owed.length).toBeGreaterThan(0)
    expect(lost).toEqual([])

    // The clock kept running while the server was down: same start, so the down time counts.
    const pat = await connectSocket(second.url, created.memberToken)
    const resumed = pat.welcome.control.agenda[0]!.clock
    expect(clockPhase(resumed)).toBe('running')
    expect(resumed.runningSince).toBe(started.runningSince)
    expect(resumed.durationMs).toBe(started.durationMs)
    // Every moment between the kill and the restart was counted: less is left than at the kill, by at least that long.
    expect(remainingMs(resumed, pat.welcome.serverNow)).toBeLessThanOrEqual(remainingMs(started, killedWall) - (restartedWall - killedWall))

    reader.provider.destroy()
    await second.kill('SIGTERM')
  }, 180_000)
})
