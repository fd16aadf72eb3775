import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ControlState, InviteInfo, JoinResult } from '@harvest/shared'
import { BOARD_CLOSE, BOARD_ENDED_REASON, JOIN_ENDED_MESSAGE, SESSION_ENDED_MESSAGE, addCard, elapsedMs, getSummary, listCards } from '@harvest/shared'
import { boardDocName, harvestDocName } from '../documents/documentKinds'
import { accepted, refusedWith } from '../testing/acks'
import { inviteToken, requestJson } from '../testing/api'
import { cardBy, connectHarvest, serverDoc } from '../testing/boardWorld'
import { breakoutWorld, createRound, roomNamed, type BreakoutWorld, type Person } from '../testing/breakoutWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, request, type TestBoard } from '../testing/clients'
import { syncState } from '../testing/controlWorld'
import { waitFor } from '../testing/waitFor'

const joinBody = (world: BreakoutWorld, name: string) => ({ token: inviteToken(world.created, 'participant'), name, city: 'Turku', cityKind: 'pilot' })
const reportStatus = async (url: string, sessionId: string, token: string) =>
  (await fetch(`${url}/api/sessions/${sessionId}/report.json`, { headers: { authorization: `Bearer ${token}` } })).status

describe('ending a session, and undoing it', () => {
  let world: BreakoutWorld
  let id: string
  let ann: Person
  let hana: Person
  let olga: Person
  let annBoard: TestBoard
  let franBoard: TestBoard
  let roundId: string

  beforeAll(async () => {
    world = await breakoutWorld()
    id = world.created.session.id
    ann = await world.join('Ann', 'Ghent', 'pilot')
    hana = await world.join('Hana', '', null, 'harvester')
    olga = await world.join('Olga', '', null, 'observer')
    annBoard = connectBoard(world.server.url, id, ann.token)
    franBoard = connectBoard(world.server.url, id, world.fran.token)
    await Promise.all([annBoard.synced(), franBoard.synced()])
  })
  afterAll(disposeAll)

  const board = () => serverDoc(world.server.app, boardDocName(id))
  const control = async (): Promise<ControlState> => (await syncState(world.fran.socket)).control

  it('before the end: participants write, links admit, clocks and rounds run, the report is the facilitators\'', async () => {
    addCard(annBoard.doc, cardBy(ann.member, 'before', 'written while the session runs'))
    await waitFor(async () => listCards(await board()).some((c) => c.id === 'before'), 5_000, "Ann's card on the server")
    const joined = await requestJson<JoinResult>(world.server.url, 'POST', '/api/join', joinBody(world, 'Tuula'))
    expect(joined.status).toBe(201)

    const item = (await control()).agenda[0]!
    accepted(await request(world.fran.socket, 'clock:command', { target: { kind: 'item', id: item.id }, command: { op: 'start' } }))
    roundId = await createRound(world.fran.socket, world.soWhat, 'assigned', [roomNamed('Room 1')])
    accepted(await request(world.fran.socket, 'round:open', { roundId }))
    accepted(await request(ann.socket, 'story:volunteer', { title: 'Our roofs' }))
    expect(await reportStatus(world.server.url, id, ann.token)).toBe(403)
    expect(await reportStatus(world.server.url, id, hana.token)).toBe(200)
  })

  it('only a facilitator ends the session', async () => {
    for (const person of [ann, hana, olga]) {
      expect(refusedWith(await request(person.socket, 'session:end', {}), 'forbidden')).toMatch(/only a facilitator/)
    }
    expect((await control()).endedAt).toBeNull()
  })

  it('ending stops the clocks with their actual times final, closes the round, and everyone is told', async () => {
    world.time.advance(90_000)
    const told = [ann, hana, olga].map((p) => new Promise<number>((resolve) => p.socket.on('control:state', (c) => c.endedAt !== null && resolve(c.endedAt))))
    accepted(await request(world.fran.socket, 'session:end', {}))
    expect(await Promise.all(told)).toEqual([world.time.now(), world.time.now(), world.time.now()])
    const state = await control()
    expect(state.endedAt).toBe(world.time.now())
    const item = state.agenda[0]!
    expect(item.clock.runningSince).toBeNull()
    world.time.advance(600_000)
    expect(elapsedMs((await control()).agenda[0]!.clock, world.time.now())).toBe(90_000)
    expect(state.rounds.find((r) => r.id === roundId)?.status).toBe('closed')
    expect(refusedWith(await request(world.fran.socket, 'session:end', {}), 'conflict')).toMatch(/already ended/)
  })

  it('after the end: socket changes to the session are refused with the reason; reading and people stay open', async () => {
    const item = (await control()).agenda[0]!
    const clock = await request(world.fran.socket, 'clock:command', { target: { kind: 'item', id: item.id }, command: { op: 'start' } })
    expect(refusedWith(clock, 'conflict')).toBe(SESSION_ENDED_MESSAGE)
    expect(refusedWith(await request(world.fran.socket, 'agenda:goto', { step: 1 }), 'conflict')).toBe(SESSION_ENDED_MESSAGE)
    expect(refusedWith(await request(world.fran.socket, 'round:create', { itemId: world.nowWhat, mode: 'assigned', rooms: [], proposersOpen: false }), 'conflict')).toBe(SESSION_ENDED_MESSAGE)
    expect(refusedWith(await request(ann.socket, 'story:volunteer', { title: 'Again' }), 'conflict')).toBe(SESSION_ENDED_MESSAGE)
    expect(refusedWith(await request(ann.socket, 'draft:save', { id: 'd1', text: 'late', kind: null, area: 'plenary' }), 'conflict')).toBe(SESSION_ENDED_MESSAGE)
    // Still open: reading the state, the report's share, the people.
    accepted(await request(ann.socket, 'session:sync', {}))
    accepted(await request(world.fran.socket, 'report:share', { shared: false }))
    accepted(await request(world.fran.socket, 'member:rename', { memberId: ann.member.id, name: 'Ann B.' }))
  })

  it('after the end: a participant\'s board change is refused, facilitators and harvesters still curate and harvest', async () => {
    // The rename above reconnected Ann's board; her new connection is refused at its first change.
    annBoard = connectBoard(world.server.url, id, ann.token)
    await annBoard.synced()
    addCard(annBoard.doc, cardBy({ ...ann.member, name: 'Ann B.' }, 'after', 'written after the end'))
    await waitFor(() => annBoard.closed, 5_000, "Ann's board refused")
    expect(annBoard.closed).toEqual({ code: BOARD_CLOSE.refused.code, reason: BOARD_ENDED_REASON })
    expect(listCards(await board()).some((c) => c.id === 'after')).toBe(false)

    addCard(franBoard.doc, cardBy(world.fran.member, 'curated', 'a pattern named after the end'))
    await waitFor(async () => listCards(await board()).some((c) => c.id === 'curated'), 5_000, "the facilitator's card")
    expect(franBoard.closed).toBeNull()

    const harvest = await connectHarvest(world.server.app, world.server.url, id, hana.token)
    getSummary(harvest.doc, 'overall').insert(0, 'Written after the end')
    const serverHarvest = await serverDoc(world.server.app, harvestDocName(id))
    await waitFor(() => getSummary(serverHarvest, 'overall').toString() === 'Written after the end', 5_000, 'the harvest edit')
  })

  it('after the end: links admit nobody new, members keep their access, everyone reads the report', async () => {
    const refused = await requestJson<{ error: string; message: string }>(world.server.url, 'POST', '/api/join', joinBody(world, 'Late Larry'))
    expect(refused.status).toBe(409)
    expect(refused.body.message).toBe(JOIN_ENDED_MESSAGE)
    const invite = await requestJson<InviteInfo>(world.server.url, 'GET', `/api/invites/${inviteToken(world.created, 'observer')}`)
    expect(invite.body.endedAt).toBe((await control()).endedAt)

    const again = await connectSocket(world.server.url, ann.token)
    expect(again.welcome.control.endedAt).not.toBeNull()
    for (const person of [ann, olga]) expect(await reportStatus(world.server.url, id, person.token)).toBe(200)
    // Whoever missed it reads through the observer link, without joining.
    expect(await reportStatus(world.server.url, id, inviteToken(world.created, 'observer'))).toBe(200)
    const guestBoard = connectBoard(world.server.url, id, inviteToken(world.created, 'observer'), new Y.Doc())
    await guestBoard.synced()
    expect(listCards(guestBoard.doc).map((c) => c.id).sort()).toEqual(['before', 'curated'])
  })

  it('only a facilitator reopens; then participants write, links admit and clocks run again', async () => {
    expect(refusedWith(await request(ann.socket, 'session:reopen', {}), 'forbidden')).toMatch(/only a facilitator/)
    accepted(await request(world.fran.socket, 'session:reopen', {}))
    expect(refusedWith(await request(world.fran.socket, 'session:reopen', {}), 'conflict')).toMatch(/not ended/)
    const state = await control()
    expect(state.endedAt).toBeNull()
    // What ran stays as it ran: reopening restarts nothing.
    expect(state.agenda[0]!.clock.runningSince).toBeNull()

    annBoard = connectBoard(world.server.url, id, ann.token)
    await annBoard.synced()
    addCard(annBoard.doc, cardBy({ ...ann.member, name: 'Ann B.' }, 'reopened', 'written after reopening'))
    await waitFor(async () => listCards(await board()).some((c) => c.id === 'reopened'), 5_000, "Ann's card after reopening")
    expect((await requestJson(world.server.url, 'POST', '/api/join', joinBody(world, 'Late Larry'))).status).toBe(201)
    accepted(await request(world.fran.socket, 'clock:command', { target: { kind: 'item', id: state.agenda[0]!.id }, command: { op: 'start' } }))
    expect(await reportStatus(world.server.url, id, ann.token)).toBe(403)
  })
})
