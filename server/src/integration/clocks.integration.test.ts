import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock, ControlState } from '@harvest/shared'
import { clockPhase, formatClock, remainingMs } from '@harvest/shared'
import { SqliteStorage } from '../storage/sqlite'
import { joinAs } from '../testing/api'
import { disposeAll, track } from '../testing/cleanup'
import { connectSocket, request, type ClientSocket } from '../testing/clients'
import { connectReconnecting, controlledTime, createSessionWithCities, recordControl, syncState } from '../testing/controlWorld'
import { startTestServer, tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

const MIN = 60_000

const itemClock = (control: ControlState, index: number): Clock => {
  const clock = control.agenda[index]?.clock
  if (!clock) throw new Error(`no agenda item at ${index}`)
  return clock
}

/** The server's time as a screen learns it, through 'time:sync'. */
async function serverTime(socket: ClientSocket): Promise<number> {
  const ack = await request(socket, 'time:sync', { clientSentAt: 42 })
  if (!ack.ok) throw new Error(`time:sync refused: ${ack.message}`)
  expect(ack.data.clientSentAt).toBe(42)
  return ack.data.serverNow
}

/**
 * A session with its lead facilitator Fran and participant Pat, each on one screen, on a server
 * whose clock the test moves. Pat's screen reconnects by itself when asked to.
 */
async function twoScreens({ patReconnects = false } = {}) {
  const time = controlledTime()
  const server = await startTestServer({ now: time.now })
  const created = await createSessionWithCities(server.url)
  const pat = await joinAs(server.url, created, 'participant', { name: 'Pat', city: 'Ghent', cityKind: 'pilot' })
  const fran = await connectSocket(server.url, created.memberToken)
  const patScreen = await (patReconnects ? connectReconnecting : connectSocket)(server.url, pat.memberToken)
  return { time, server, created, pat, fran, patScreen, firstItem: fran.welcome.control.agenda[0]! }
}

describe('one clock on every screen', () => {
  it("'time:sync' answers with the server's own time", async () => {
    const { time, fran } = await twoScreens()
    expect(await request(fran.socket, 'time:sync', { clientSentAt: 123 })).toEqual({ ok: true, data: { clientSentAt: 123, serverNow: time.now() } })
    time.advance(90_000)
    expect(await serverTime(fran.socket)).toBe(time.now())
  })

  it('two screens get the same clock at a start and show the same remaining time at the same server time', async () => {
    const { time, fran, patScreen, firstItem } = await twoScreens()
    const franLog = recordControl(fran.socket)
    const patLog = recordControl(patScreen.socket)
    time.advance(5_000)
    const startedAt = time.now()

    const ack = await request(fran.socket, 'clock:command', { target: { kind: 'item', id: firstItem.id }, command: { op: 'start' } })
    expect(ack).toEqual({ ok: true, data: null })
    await waitFor(() => franLog.controlStates.length === 1 && patLog.controlStates.length === 1, 5_000, 'both screens told')
    const [seenByFran, seenByPat] = [franLog.controlStates[0]!, patLog.controlStates[0]!]
    expect(seenByPat).toEqual(seenByFran)
    expect(seenByFran.serverNow).toBe(startedAt)
    expect(itemClock(seenByFran.control, 0)).toEqual({ durationMs: 10 * MIN, plannedMs: 10 * MIN, elapsedMs: 0, runningSince: startedAt })

    time.advance(95_000)
    const [franNow, patNow] = [await serverTime(fran.socket), await serverTime(patScreen.socket)]
    expect(patNow).toBe(franNow)
    const onFran = remainingMs(itemClock(seenByFran.control, 0), franNow)
    const onPat = remainingMs(itemClock(seenByPat.control, 0), patNow)
    expect(onPat).toBe(onFran)
    expect(onFran).toBe(10 * MIN - 95_000)
    expect(formatClock(onPat)).toBe('8:25')
  })

  it('adding a minute reaches both screens as a minute more', async () => {
    const { time, fran, patScreen, firstItem } = await twoScreens()
    const target = { kind: 'item', id: firstItem.id } as const
    const franLog = recordControl(fran.socket)
    const patLog = recordControl(patScreen.socket)
    expect(await request(fran.socket, 'clock:command', { target, command: { op: 'start' } })).toMatchObject({ ok: true })
    time.advance(2 * MIN)

    expect(await request(fran.socket, 'clock:command', { target, command: { op: 'adjust', deltaMs: 60_000 } })).toMatchObject({ ok: true })
    await waitFor(() => franLog.controlStates.length === 2 && patLog.controlStates.length === 2, 5_000, 'both screens told')
    for (const log of [franLog, patLog]) {
      expect(itemClock(log.controlStates[0]!.control, 0).durationMs).toBe(10 * MIN)
      const clock = itemClock(log.controlStates[1]!.control, 0)
      expect(clock.durationMs).toBe(10 * MIN + 60_000)
      expect(clockPhase(clock)).toBe('running')
      expect(remainingMs(clock, time.now())).toBe(9 * MIN)
    }
  })

  it('a screen that asks again gets the same clock the broadcast carried', async () => {
    const { time, fran, patScreen, firstItem } = await twoScreens()
    const patLog = recordControl(patScreen.socket)
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: firstItem.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    await waitFor(() => patLog.controlStates[0], 5_000, 'broadcast')
    time.advance(MIN)
    const synced = await syncState(patScreen.socket)
    expect(synced.serverNow).toBe(time.now())
    expect(synced.control).toEqual(patLog.controlStates[0]!.control)
    expect(remainingMs(itemClock(synced.control, 0), synced.serverNow)).toBe(9 * MIN)
  })
})

describe('a server restart', () => {
  it('a running clock counts the minutes the server was down; a paused clock keeps its time', async () => {
    const time = controlledTime()
    const file = path.join(tempDir(), 'harvest.sqlite')
    const first = await startTestServer({ storage: new SqliteStorage(file), now: time.now })
    const created = await createSessionWithCities(first.url)
    const fran = await connectSocket(first.url, created.memberToken)
    const { agenda, stories } = fran.welcome.control
    const item = agenda[0]!
    const story = stories[0]!
    const startedAt = time.now()
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: item.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    const storyClock = { kind: 'story', id: story.id, part: 'tell' } as const
    expect(await request(fran.socket, 'clock:command', { target: storyClock, command: { op: 'start' } })).toMatchObject({ ok: true })
    time.advance(2 * MIN)
    expect(await request(fran.socket, 'clock:command', { target: storyClock, command: { op: 'pause' } })).toMatchObject({ ok: true })
    await first.stop()

    time.advance(5 * MIN) // the server is down
    const second = await startTestServer({ storage: new SqliteStorage(file), now: time.now })
    const again = await connectSocket(second.url, created.memberToken)
    const { control, serverNow } = again.welcome
    expect(serverNow).toBe(time.now())
    const clock = control.agenda.find((i) => i.id === item.id)!.clock
    expect(clock).toEqual({ durationMs: 10 * MIN, plannedMs: 10 * MIN, elapsedMs: 0, runningSince: startedAt })
    expect(remainingMs(clock, serverNow)).toBe(3 * MIN)
    const tell = control.stories.find((s) => s.id === story.id)!.tellClock
    expect(clockPhase(tell)).toBe('paused')
    expect(remainingMs(tell, serverNow)).toBe(8 * MIN)
    expect(control.currentItemId).toBe(item.id)
    expect(control.leadId).toBe(created.member.id)
  })
})

describe('a screen that loses its connection', () => {
  it('catches up on reconnecting, on the same client, with the exact item, clock and its role', async () => {
    const { time, server, pat, fran, patScreen, firstItem } = await twoScreens({ patReconnects: true })
    const patClient = patScreen.socket
    const patLog = recordControl(patClient)
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: firstItem.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    await waitFor(() => patLog.controlStates.length === 1, 5_000, 'pat sees the start')

    // Hold reconnections at the door, so the changes below certainly happen while Pat is away.
    let release!: () => void
    const door = new Promise<void>((resolve) => (release = resolve))
    let knocking = 0
    server.app.ctx.io.use((_socket, next) => {
      knocking++
      void door.then(() => next())
    })
    track(release)

    patClient.io.engine.close()
    await waitFor(() => !patClient.connected && server.app.ctx.io.of('/').sockets.size === 1, 5_000, 'pat offline')

    time.advance(3 * MIN)
    expect(await request(fran.socket, 'agenda:goto', { step: 1 })).toMatchObject({ ok: true })
    time.advance(30_000)
    const secondItem = fran.welcome.control.agenda[1]!
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: secondItem.id }, command: { op: 'adjust', deltaMs: 60_000 } })).toMatchObject({
      ok: true,
    })
    await waitFor(() => knocking > 0, 5_000, 'pat is trying to reconnect')
    expect(patLog.controlStates).toHaveLength(1) // nothing of the above reached Pat
    const statesBefore = patScreen.states.length

    release()
    const caughtUp = await waitFor(() => patScreen.states[statesBefore], 5_000, "pat's fresh session:state")
    expect(patScreen.socket).toBe(patClient)
    expect(patClient.connected).toBe(true)
    expect(patLog.sequence.slice(-2)).toEqual([expect.stringMatching(/^disconnect:/), 'session:state'])

    expect(caughtUp.you).toMatchObject({ role: 'participant', memberId: pat.member.id })
    expect(caughtUp.serverNow).toBe(time.now())
    expect(caughtUp.control.currentItemId).toBe(secondItem.id)
    expect(itemClock(caughtUp.control, 0)).toEqual({ durationMs: 10 * MIN, plannedMs: 10 * MIN, elapsedMs: 3 * MIN, runningSince: null })
    expect(itemClock(caughtUp.control, 1)).toEqual({ durationMs: 16 * MIN, plannedMs: 15 * MIN, elapsedMs: 0, runningSince: time.now() - 30_000 })
    expect(remainingMs(itemClock(caughtUp.control, 1), caughtUp.serverNow)).toBe(15 * MIN + 30_000)
    expect(caughtUp.control).toEqual((await syncState(fran.socket)).control)
    const seenByFran = await waitFor(() => fran.membersChanged.at(-1)?.find((m) => m.id === pat.member.id && m.online), 5_000, 'pat back online')
    expect(seenByFran.role).toBe('participant')
  })
})
