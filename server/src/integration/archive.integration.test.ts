import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateSessionResult, HarvestEntry, Recap, SessionLinks, SessionList } from '@harvest/shared'
import { addCard, markEntry, promote } from '@harvest/shared'
import { accepted, refusedWith } from '../testing/acks'
import { createSession, joinAs } from '../testing/api'
import { cardBy, connectHarvest } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { startTestServer, type TestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

const ADMIN = 'organiser-key-for-tests-0123456789abcdef'

async function get<T>(url: string, path: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: response.status, body: (await response.json()) as T }
}

describe('the archive and the organiser key', () => {
  let server: TestServer
  let older: CreateSessionResult
  let newer: CreateSessionResult

  beforeAll(async () => {
    server = await startTestServer({ adminToken: ADMIN, printer: null })
    older = await createSession(server.url, { title: 'Cluster 4 Round 1', cluster: 'Cluster 4: buildings' })
    newer = await createSession(server.url, { title: 'Cluster 2 mobility', cluster: 'Cluster 2: mobility' })
    const ann = await joinAs(server.url, older, 'participant', { name: 'Ann' })
    const board = connectBoard(server.url, older.session.id, ann.memberToken)
    await board.synced()
    for (const id of ['a', 'b', 'c']) addCard(board.doc, cardBy(ann.member, id))
    await waitFor(async () => (await get<SessionList>(server.url, '/api/sessions', ADMIN)).body.sessions.find((s) => s.session.id === older.session.id)?.cards === 3, 5_000, 'cards counted')
  })
  afterAll(disposeAll)

  it('lists nothing without the organiser key, nor for a member or invitation token', async () => {
    expect((await get(server.url, '/api/sessions')).status).toBe(401)
    for (const token of [older.memberToken, older.invites[0]!.token, `${ADMIN}x`]) {
      expect((await get(server.url, '/api/sessions', token)).status).toBe(401)
      expect((await get(server.url, `/api/sessions/${older.session.id}/links`, token)).status).toBe(401)
    }
  })

  it('lists every session newest first with people, cards and whether it ended', async () => {
    const fran = await connectSocket(server.url, older.memberToken)
    accepted(await request(fran.socket, 'session:end', {}))
    const { status, body } = await get<SessionList>(server.url, '/api/sessions', ADMIN)
    expect(status).toBe(200)
    expect(body.sessions.map((s) => s.session.title)).toEqual(['Cluster 2 mobility', 'Cluster 4 Round 1'])
    const [second, first] = body.sessions
    expect(first).toMatchObject({ people: 2, cards: 3 })
    expect(first!.endedAt).toEqual(expect.any(Number))
    expect(second).toMatchObject({ people: 1, cards: 0, endedAt: null })
  })

  it('gives the organiser the links of any session and any session\'s report', async () => {
    const links = await get<SessionLinks>(server.url, `/api/sessions/${newer.session.id}/links`, ADMIN)
    expect(links.status).toBe(200)
    expect(links.body.invites.map((i) => i.role).sort()).toEqual(['facilitator', 'harvester', 'observer', 'participant', 'stage'])
    expect(links.body.invites.find((i) => i.role === 'observer')?.token).toBe(newer.invites.find((i) => i.role === 'observer')?.token)
    expect((await get(server.url, `/api/sessions/nope/links`, ADMIN)).status).toBe(404)
    const report = await fetch(`${server.url}/api/sessions/${newer.session.id}/report.json`, { headers: { authorization: `Bearer ${ADMIN}` } })
    expect(report.status).toBe(200)
    // A member of one session still cannot read another's.
    const other = await fetch(`${server.url}/api/sessions/${newer.session.id}/report.json`, { headers: { authorization: `Bearer ${older.memberToken}` } })
    expect(other.status).toBe(404)
  })
})

describe('rounds and the recap', () => {
  it('starts the next round from a session with its agenda, cities and storytellers, and shows the key insights of the last', async () => {
    const server = await startTestServer({ printer: null })
    const round1 = await createSession(server.url, { title: 'Cluster 4 – Round 1', cluster: 'Cluster 4', round: 'Round 1' })
    const hana = await joinAs(server.url, round1, 'harvester', { name: 'Hana' })
    const fran = await connectSocket(server.url, round1.memberToken)
    accepted(await request(fran.socket, 'agenda:add', { title: 'Site visit debrief', phase: 'none', kind: 'plenary', plannedMinutes: 20, prompt: '', afterId: null }))
    const firstItem = fran.welcome.control.agenda[0]!
    accepted(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: firstItem.id }, command: { op: 'start' } }))
    const harvest = await connectHarvest(server.app, server.url, round1.session.id, hana.memberToken)
    const entry = { source: 'insight', sourceId: '', section: 'so_what', kind: null, levers: [], key: false, promotedBy: 'Hana', promotedAt: 1 } satisfies Omit<HarvestEntry, 'id' | 'text' | 'cities'>
    promote(harvest.doc, { ...entry, id: 'k1', text: 'Heat pumps need installers first', cities: ['Ghent'] })
    promote(harvest.doc, { ...entry, id: 'n1', text: 'Not a key one', cities: [] })
    markEntry(harvest.doc, 'k1', { key: true })

    const ann = await joinAs(server.url, round1, 'participant', { name: 'Ann' })
    const annSocket = await connectSocket(server.url, ann.memberToken)
    expect(refusedWith(await request(annSocket.socket, 'session:next', { round: 'Round 2' }), 'forbidden')).toMatch(/only a facilitator/)
    expect(refusedWith(await request(fran.socket, 'session:next', { round: '' }), 'invalid')).toMatch(/round/)

    const next = accepted(await request(fran.socket, 'session:next', { round: 'Round 2' }))
    expect(next.session).toMatchObject({ title: 'Cluster 4 – Round 2', cluster: 'Cluster 4', round: 'Round 2', cities: round1.session.cities })
    expect(next.member).toMatchObject({ role: 'facilitator', name: round1.member.name })
    const there = await connectSocket(server.url, next.memberToken)
    const { control } = there.welcome
    const before = (await request(fran.socket, 'session:sync', {}))
    const oldControl = accepted(before).control
    expect(control.agenda.map((i) => i.title)).toEqual(oldControl.agenda.map((i) => i.title))
    expect(control.agenda.every((i) => i.clock.elapsedMs === 0 && i.clock.runningSince === null)).toBe(true)
    expect(control.stories.map((s) => s.city)).toEqual(oldControl.stories.map((s) => s.city))
    expect(control.leadId).toBe(next.member.id)
    expect(control.endedAt).toBeNull()

    await waitFor(async () => {
      const recap = accepted(await request(there.socket, 'recap:get', {})) as Recap | null
      return recap?.insights.length === 1 ? recap : null
    }, 5_000, 'the recap').then((recap) => {
      expect(recap.from).toMatchObject({ id: round1.session.id, round: 'Round 1' })
      expect(recap.insights).toEqual([{ text: 'Heat pumps need installers first', cities: ['Ghent'] }])
    })
    // The first round has no earlier one.
    expect(accepted(await request(fran.socket, 'recap:get', {}))).toBeNull()
  })

  it('finds the latest earlier round of the same cluster for a session made by hand', async () => {
    const server = await startTestServer({ printer: null })
    const r1 = await createSession(server.url, { title: 'R1', cluster: 'Cluster 9', round: 'Round 1' })
    await createSession(server.url, { title: 'Other cluster', cluster: 'Cluster 8', round: 'Round 1' })
    const r2 = await createSession(server.url, { title: 'R2', cluster: 'cluster 9 ', round: 'Round 2' })
    const socket = await connectSocket(server.url, r2.memberToken)
    const recap = accepted(await request(socket.socket, 'recap:get', {}))
    expect(recap?.from.id).toBe(r1.session.id)
    expect(recap?.insights).toEqual([])
  })
})
