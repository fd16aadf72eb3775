import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ControlState } from '@harvest/shared'
import { addCard } from '@harvest/shared'
import { createSession, joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import type { ClientSocket } from '../testing/clients'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { cardBy, cardIds } from '../testing/boardWorld'
import { recordControl } from '../testing/controlWorld'
import type { HarvestCluster } from '../testing/services/harvestCluster'
import { startHarvestCluster } from '../testing/services/harvestCluster'
import { waitFor } from '../testing/waitFor'
import { Lease } from './Lease'
import { connectRedis } from './redis'

// Two real server processes over a real PostgreSQL and Redis, nginx in front: started once for
// the file (installed from Debian's packages when missing), each test with its own session.
let cluster: HarvestCluster
let a: string
let b: string
beforeAll(async () => {
  cluster = await startHarvestCluster()
  ;[a, b] = cluster.processes.map((p) => p.url) as [string, string]
}, 240_000)
afterAll(async () => {
  await cluster?.stop()
}, 60_000)
afterEach(disposeAll)

const latestControl = (log: { controlStates: { control: ControlState }[] }) => log.controlStates.at(-1)?.control

describe('leases in Redis', () => {
  it('lets one holder at a time hold a name, renews it for the holder, and frees it once the holder stops renewing', async () => {
    const redis = await connectRedis(cluster.redis.url, 'lease-test')
    try {
      const first = new Lease(redis, 'first', 60_000)
      const second = new Lease(redis, 'second', 60_000)
      const name = `board:${Math.random()}`
      expect(await first.hold(name)).toBe(true)
      expect(await second.hold(name)).toBe(false)
      expect(await first.hold(name)).toBe(true)
      // A holder that stops renewing (a process that died) loses it after its time.
      const brief = new Lease(redis, 'brief', 200)
      const other = `board:${Math.random()}`
      expect(await brief.hold(other)).toBe(true)
      await waitFor(() => second.hold(other), 10_000, 'the lease free after its holder stopped')
      expect(await brief.hold(other)).toBe(false)
    } finally {
      await redis.quit()
    }
  })
})

describe('two server processes over PostgreSQL and Redis', () => {
  it('shows a clock started through one process on a screen of the other, and a card written through one on a board of the other', async () => {
    const created = await createSession(a)
    const pat = await joinAs(b, created, 'participant', { name: 'Pat' })
    const fran = await connectSocket(a, created.memberToken)
    const patScreen = await connectSocket(b, pat.memberToken)
    const patLog = recordControl(patScreen.socket)
    const item = fran.welcome.control.agenda[0]!
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: item.id }, command: { op: 'start' } })).toEqual({ ok: true, data: null })
    await waitFor(() => latestControl(patLog)?.agenda[0]?.clock.runningSince != null, 10_000, 'the clock running on the other process')

    const franBoard = connectBoard(a, created.session.id, created.memberToken)
    const patBoard = connectBoard(b, created.session.id, pat.memberToken)
    await Promise.all([franBoard.synced(10_000), patBoard.synced(10_000)])
    addCard(franBoard.doc, cardBy(created.member, 'from-a', 'written through process A'))
    await waitFor(() => cardIds(patBoard.doc).includes('from-a'), 10_000, 'the card on the other process')
    addCard(patBoard.doc, cardBy(pat.member, 'from-b', 'written through process B'))
    await waitFor(() => cardIds(franBoard.doc).includes('from-b'), 10_000, 'the answer back')

    // Presence too: Fran's cursor, set through A, shows in Pat's board on B.
    franBoard.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    const franClient = franBoard.doc.clientID
    await waitFor(() => (patBoard.provider.awareness.getStates().get(franClient) as { cursor?: { x: number } } | undefined)?.cursor?.x === 10, 10_000, "Fran's presence on B")
  })

  it('takes a room move, a removal and a rotated link into effect on every process', async () => {
    const created = await createSession(a)
    const pat = await joinAs(a, created, 'participant', { name: 'Pat' })
    const fran = await connectSocket(a, created.memberToken)
    const patScreen = await connectSocket(b, pat.memberToken)
    const patBoard = connectBoard(b, created.session.id, pat.memberToken)
    await patBoard.synced(10_000)
    const guestToken = created.invites.find((i) => i.role === 'observer')!.token
    const guest = await connectSocket(b, guestToken)
    const removed: string[] = []
    patScreen.socket.on('session:removed', (message) => void removed.push(`pat: ${message}`))
    guest.socket.on('session:removed', (message) => void removed.push(`guest: ${message}`))

    // A room move through A reaches Pat's screen on B.
    const moves: { roomId: string; memberIds: string[] }[][] = []
    patScreen.socket.on('rooms:members', (_roundId, rooms) => void moves.push(rooms))
    const item = fran.welcome.control.agenda.find((i) => i.kind === 'breakout')!
    const created_ = await request(fran.socket, 'round:create', { itemId: item.id, mode: 'assigned', rooms: [{ name: 'Heat' }, { name: 'Light' }] })
    expect(created_).toMatchObject({ ok: true })
    const roundId = (created_ as { ok: true; data: { id: string } }).data.id
    const fresh = await connectSocket(a, created.memberToken)
    const room = fresh.welcome.control.rounds.find((r) => r.id === roundId)!.rooms[1]!
    expect(await request(fran.socket, 'room:move', { roundId, memberId: pat.member.id, roomId: room.id })).toEqual({ ok: true, data: null })
    await waitFor(() => moves.some((rooms) => rooms.some((r) => r.roomId === room.id && r.memberIds.includes(pat.member.id))), 10_000, 'the move on B')

    expect(await request(fran.socket, 'invite:rotate', { role: 'observer' })).toMatchObject({ ok: true })
    await waitFor(() => removed.some((m) => m.startsWith('guest:')) && guest.socket.disconnected, 10_000, 'the old link shown out on B')

    expect(await request(fran.socket, 'member:remove', { memberId: pat.member.id })).toEqual({ ok: true, data: null })
    await waitFor(() => removed.some((m) => m.startsWith('pat:')) && patScreen.socket.disconnected, 10_000, 'Pat shown out on B')
    await waitFor(() => patBoard.closed?.code === 4401 || patBoard.closed !== null, 10_000, "Pat's board closed on B")
  })

  it('never loses a change of two facilitators driving one session through different processes at once', async () => {
    const created = await createSession(a)
    const cofac = await joinAs(b, created, 'facilitator', { name: 'Co' })
    const fran = await connectSocket(a, created.memberToken)
    const co = await connectSocket(b, cofac.memberToken)
    const before = fran.welcome.control.agenda.length
    const adds = (socket: ClientSocket, who: string) =>
      Array.from({ length: 15 }, (_, i) => request(socket, 'agenda:add', { title: `${who} ${i}`, plannedMinutes: 5, kind: 'plenary', phase: 'none', prompt: '' }, 30_000))
    const acks = await Promise.all([...adds(fran.socket, 'fran'), ...adds(co.socket, 'co')])
    expect(acks.filter((ack) => !ack.ok)).toEqual([])
    const coLog = recordControl(co.socket)
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: fran.welcome.control.agenda[0]!.id }, command: { op: 'start' } })).toMatchObject({ ok: true })
    const seen = await waitFor(() => latestControl(coLog), 10_000, 'a state on B')
    expect(seen.agenda).toHaveLength(before + 30)
    for (const who of ['fran', 'co']) for (let i = 0; i < 15; i++) expect(seen.agenda.some((item) => item.title === `${who} ${i}`)).toBe(true)
  })
})
