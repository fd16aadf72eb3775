import { afterEach, describe, expect, it } from 'vitest'
import type { HttpError, InviteInfo, NewCard, StoryNotes } from '@harvest/shared'
import { BOARD_CLOSE, EMPTY_NOTES, PLENARY_AREA, addCard, listCards } from '@harvest/shared'
import type { App } from '../app'
import { DocumentPeer } from '../documents/DocumentPeer'
import { inviteToken, joinAs, requestJson } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, expectConnectError, openRawBoardSocket, request, type TestSocket } from '../testing/clients'
import { controlledTime, createSessionWithCities, recordControl, syncState } from '../testing/controlWorld'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** A session led by Fran, with Pat, a participant from Ghent, who has joined and is connected. */
async function sessionWithPat() {
  const time = controlledTime()
  const server = await startTestServer({ now: time.now })
  const { url } = server
  const created = await createSessionWithCities(url)
  const pat = await joinAs(url, created, 'participant', { name: 'Pat', city: 'Ghent', cityKind: 'pilot' })
  const fran = await connectSocket(url, created.memberToken)
  const patScreen = await connectSocket(url, pat.memberToken)
  const sessionId = created.session.id
  const ghent = fran.welcome.control.stories.find((s) => s.city === 'Ghent')!.id
  const turku = fran.welcome.control.stories.find((s) => s.city === 'Turku')!.id
  return { time, server, url, app: server.app, created, sessionId, pat, fran, patScreen, ghent, turku }
}

/** Joins and connects one more person. */
async function another(url: string, created: Parameters<typeof joinAs>[1], role: Parameters<typeof joinAs>[2], person: Parameters<typeof joinAs>[3] = {}) {
  const joined = await joinAs(url, created, role, person)
  return { ...joined, screen: await connectSocket(url, joined.memberToken) }
}

const card = (id: string, authorId: string): NewCard => ({
  id,
  text: `card ${id}`,
  authorId,
  authorName: 'Pat',
  city: 'Ghent',
  cityKind: 'pilot',
  area: PLENARY_AREA,
})

const serverCardIds = async (app: App, sessionId: string) => listCards((await app.docs.open(`board:${sessionId}`)).doc).map((c) => c.id)

/** Board updates the server has refused from read-only connections to this session's board. */
async function droppedUpdates(app: App, sessionId: string): Promise<number> {
  const live = await app.docs.open(`board:${sessionId}`)
  return [...live.peers].reduce((sum, peer) => sum + (peer instanceof DocumentPeer ? peer.droppedUpdates : 0), 0)
}

/** Waits until the server has answered everything it sent this client before now. */
const settled = (screen: TestSocket) => syncState(screen.socket)

describe('removing a person', () => {
  it('tells them, closes their socket and their board connections, and their token stops working', async () => {
    const { url, sessionId, pat, fran, patScreen, ghent } = await sessionWithPat()
    expect(await request(patScreen.socket, 'story:volunteer', { title: 'Roofs' })).toMatchObject({ ok: true })
    const patLog = recordControl(patScreen.socket)
    const board = connectBoard(url, sessionId, pat.memberToken)
    await board.synced()
    const raw = await openRawBoardSocket(url, sessionId, pat.memberToken)
    expect(raw.closed).toBeNull()

    expect(await request(fran.socket, 'member:remove', { memberId: pat.member.id })).toEqual({ ok: true, data: null })

    await waitFor(() => patLog.sequence.some((e) => e.startsWith('disconnect:')), 5_000, 'pat disconnected')
    expect(patLog.sequence.filter((e) => e === 'session:removed' || e.startsWith('disconnect:'))).toEqual(['session:removed', 'disconnect:io server disconnect'])
    expect(patLog.removed).toEqual(['A facilitator removed you from this session.'])
    expect(patScreen.socket.connected).toBe(false)

    await waitFor(() => board.closed && raw.closed, 5_000, 'board connections closed')
    expect(board.closed).toEqual({ code: BOARD_CLOSE.removed.code, reason: BOARD_CLOSE.removed.reason })
    expect(raw.closed).toEqual({ code: BOARD_CLOSE.removed.code, reason: BOARD_CLOSE.removed.reason })

    expect(await expectConnectError(url, pat.memberToken)).toBe('unknown or revoked token')
    const again = await openRawBoardSocket(url, sessionId, pat.memberToken)
    await waitFor(() => again.closed, 5_000, 'refused board')
    expect(again.closed?.code).toBe(BOARD_CLOSE.unauthorized.code)

    const state = await syncState(fran.socket)
    expect(state.members.map((m) => m.id)).not.toContain(pat.member.id)
    expect(state.control.stories.find((s) => s.id === ghent)).toMatchObject({ storytellerId: null })
  })

  it("another person's connections stay open", async () => {
    const { url, created, sessionId, pat, fran } = await sessionWithPat()
    const kim = await another(url, created, 'participant', { name: 'Kim', city: 'Turku', cityKind: 'pilot' })
    const kimBoard = connectBoard(url, sessionId, kim.memberToken)
    await kimBoard.synced()
    expect(await request(fran.socket, 'member:remove', { memberId: pat.member.id })).toMatchObject({ ok: true })
    await settled(kim.screen)
    expect(kim.screen.socket.connected).toBe(true)
    expect(kimBoard.closed).toBeNull()
    expect(kimBoard.provider.wsconnected).toBe(true)
  })
})

describe("changing a person's role", () => {
  it('the person is told, gets a fresh state in the new role, and their board reconnects without write rights', async () => {
    const { url, app, sessionId, pat, fran, patScreen } = await sessionWithPat()
    const patLog = recordControl(patScreen.socket)
    const board = connectBoard(url, sessionId, pat.memberToken)
    const closeCodes: number[] = []
    let connects = 0
    board.provider.on('connection-close', (event) => void closeCodes.push(event?.code ?? -1))
    board.provider.on('status', ({ status }) => void (status === 'connected' && connects++))
    await board.synced()
    await waitFor(() => connects === 1, 5_000, 'board connected')

    // As a participant, Pat's card reaches the board.
    addCard(board.doc, card('as-participant', pat.member.id))
    await waitFor(async () => (await serverCardIds(app, sessionId)).includes('as-participant'), 5_000, 'participant card stored')

    const ack = await request(fran.socket, 'member:setRole', { memberId: pat.member.id, role: 'observer' })
    expect(ack).toMatchObject({ ok: true, data: { id: pat.member.id, role: 'observer', name: 'Pat' } })

    const fresh = await waitFor(() => patScreen.states[1], 5_000, 'fresh session:state')
    expect(patLog.youChanged).toEqual([expect.objectContaining({ role: 'observer', memberId: pat.member.id })])
    expect(patLog.sequence.filter((e) => e === 'you:changed' || e === 'session:state')).toEqual(['you:changed', 'session:state'])
    expect(fresh.you).toMatchObject({ role: 'observer', memberId: pat.member.id })
    expect(fresh.invites).toBeNull()
    expect(fresh.members.find((m) => m.id === pat.member.id)?.role).toBe('observer')
    expect(patScreen.socket.connected).toBe(true)
    // The server now treats Pat's socket as an observer's too.
    expect(await request(patScreen.socket, 'story:volunteer', { title: 'x' })).toMatchObject({ ok: false, error: 'forbidden' })

    await waitFor(() => closeCodes.includes(BOARD_CLOSE.roleChanged.code), 5_000, 'board closed with 4000')
    expect(board.closed).toBeNull() // not final: the provider comes back
    await waitFor(() => connects === 2 && board.provider.synced, 5_000, 'board reconnected')
    // Reconnected as an observer: the server drops the answer to its opening sync step, then Pat's card.
    await waitFor(async () => (await droppedUpdates(app, sessionId)) === 1, 5_000, 'opening sync step dropped')
    addCard(board.doc, card('as-observer', pat.member.id))
    await waitFor(async () => (await droppedUpdates(app, sessionId)) === 2, 5_000, "observer's card dropped")
    expect(await serverCardIds(app, sessionId)).toEqual(['as-participant'])

    const fresher = connectBoard(url, sessionId, pat.memberToken)
    await fresher.synced()
    expect(listCards(fresher.doc).map((c) => c.id)).toEqual(['as-participant'])
  })

  it('a participant made facilitator receives the invitation links in the fresh state', async () => {
    const { fran, pat, patScreen, created } = await sessionWithPat()
    expect(patScreen.welcome.invites).toBeNull()
    expect(await request(fran.socket, 'member:setRole', { memberId: pat.member.id, role: 'facilitator' })).toMatchObject({ ok: true })
    const fresh = await waitFor(() => patScreen.states[1], 5_000, 'fresh session:state')
    expect(fresh.you.role).toBe('facilitator')
    expect(fresh.invites?.map((i) => i.token).sort()).toEqual(created.invites.map((i) => i.token).sort())
    expect(await request(patScreen.socket, 'agenda:add', { title: 'Pat adds', phase: 'none', kind: 'plenary', plannedMinutes: 5, prompt: '' })).toMatchObject({ ok: true })
  })
})

describe('rotating the participant link', () => {
  it('refuses the old token everywhere, the new one works, and only facilitators hear of it', async () => {
    const { url, created, sessionId, fran, patScreen } = await sessionWithPat()
    const flo = await another(url, created, 'facilitator', { name: 'Flo' })
    const hana = await another(url, created, 'harvester', { name: 'Hana' })
    const old = inviteToken(created, 'participant')
    const guest = await connectSocket(url, old)
    const logs = { fran: recordControl(fran.socket), flo: recordControl(flo.screen.socket), pat: recordControl(patScreen.socket), hana: recordControl(hana.screen.socket), guest: recordControl(guest.socket) }

    const ack = await request(fran.socket, 'invite:rotate', { role: 'participant' })
    expect(ack).toMatchObject({ ok: true, data: { role: 'participant', sessionId } })
    const fresh = ack.ok ? ack.data.token : ''
    expect(fresh).not.toBe('')
    expect(fresh).not.toBe(old)

    for (const log of [logs.fran, logs.flo]) {
      const invites = await waitFor(() => log.invitesChanged[0], 5_000, 'invites:changed')
      expect(log.invitesChanged).toHaveLength(1)
      const tokens = Object.fromEntries(invites.map((i) => [i.role, i.token]))
      expect(tokens).toEqual({ ...Object.fromEntries(created.invites.map((i) => [i.role, i.token])), participant: fresh })
    }

    // Whoever was connected with only the old link is shown out.
    await waitFor(() => logs.guest.sequence.some((e) => e.startsWith('disconnect:')), 5_000, 'guest disconnected')
    expect(logs.guest.sequence.filter((e) => e === 'session:removed' || e.startsWith('disconnect:'))).toEqual(['session:removed', 'disconnect:io server disconnect'])

    expect(await expectConnectError(url, old)).toBe('unknown or revoked token')
    const oldInfo = await requestJson<HttpError>(url, 'GET', `/api/invites/${old}`)
    expect(oldInfo).toMatchObject({ status: 404, body: { error: 'not_found' } })
    const oldJoin = await requestJson<HttpError>(url, 'POST', '/api/join', { token: old, name: 'Late', city: 'Ghent', cityKind: 'pilot' })
    expect(oldJoin).toMatchObject({ status: 401, body: { error: 'unauthorized' } })

    const info = await requestJson<InviteInfo>(url, 'GET', `/api/invites/${fresh}`)
    expect(info).toMatchObject({ status: 200, body: { role: 'participant', session: { id: sessionId } } })
    const newGuest = await connectSocket(url, fresh)
    expect(newGuest.welcome.you).toMatchObject({ role: 'participant', memberId: null })
    expect(newGuest.welcome.invites).toBeNull()
    const joined = await requestJson(url, 'POST', '/api/join', { token: fresh, name: 'Lou', city: 'Turku', cityKind: 'pilot' })
    expect(joined.status).toBe(201)

    // Members who joined with the old link keep their place; participants and harvesters never see links.
    await Promise.all([settled(patScreen), settled(hana.screen)])
    expect(patScreen.socket.connected).toBe(true)
    expect(logs.pat.invitesChanged).toEqual([])
    expect(logs.hana.invitesChanged).toEqual([])
    for (const screen of [patScreen, hana.screen, newGuest]) {
      const state = await syncState(screen.socket)
      expect(state.invites).toBeNull()
      expect(JSON.stringify([state, screen.states])).not.toContain(fresh)
    }
  })
})

describe('renaming a person', () => {
  it("renames a storyteller's queued story too, for everyone", async () => {
    const { fran, pat, patScreen, ghent, turku } = await sessionWithPat()
    expect(await request(patScreen.socket, 'story:volunteer', { title: 'Roofs' })).toMatchObject({ ok: true })
    const patLog = recordControl(patScreen.socket)

    const ack = await request(fran.socket, 'member:rename', { memberId: pat.member.id, name: 'Patricia' })
    expect(ack).toMatchObject({ ok: true, data: { id: pat.member.id, name: 'Patricia', role: 'participant' } })

    const seen = await waitFor(() => patLog.controlStates[0], 5_000, 'control:state')
    expect(seen.control.stories.find((s) => s.id === ghent)).toMatchObject({ storytellerId: pat.member.id, storytellerName: 'Patricia', title: 'Roofs' })
    const state = await syncState(fran.socket)
    expect(state.control.stories.find((s) => s.id === ghent)?.storytellerName).toBe('Patricia')
    expect(state.control.stories.find((s) => s.id === turku)?.storytellerName).toBe('')
    expect(state.members.find((m) => m.id === pat.member.id)?.name).toBe('Patricia')
    expect(patScreen.membersChanged.at(-1)?.find((m) => m.id === pat.member.id)?.name).toBe('Patricia')
  })
})

describe('prepared notes', () => {
  it("a storyteller's notes reach the facilitation team and their own other tabs, never another participant", async () => {
    const { url, created, fran, pat, patScreen, ghent } = await sessionWithPat()
    expect(await request(patScreen.socket, 'story:volunteer', { title: 'Roofs' })).toMatchObject({ ok: true })
    const flo = await another(url, created, 'facilitator', { name: 'Flo' })
    const hana = await another(url, created, 'harvester', { name: 'Hana' })
    const kim = await another(url, created, 'participant', { name: 'Kim', city: 'Braga', cityKind: 'twin' })
    const olli = await another(url, created, 'observer', { name: 'Olli' })
    const patTab2 = await connectSocket(url, pat.memberToken)
    await settled(fran) // Fran has heard of Pat volunteering before her log starts
    const logs = {
      fran: recordControl(fran.socket),
      flo: recordControl(flo.screen.socket),
      hana: recordControl(hana.screen.socket),
      kim: recordControl(kim.screen.socket),
      olli: recordControl(olli.screen.socket),
      pat: recordControl(patScreen.socket),
      patTab2: recordControl(patTab2.socket),
    }

    const LEARNING = 'Start with one street, not the whole city'
    const ack = await request(patScreen.socket, 'notes:save', { storyId: ghent, notes: { learnings: LEARNING } })
    const expected: StoryNotes = { ...EMPTY_NOTES, learnings: LEARNING }
    expect(ack).toEqual({ ok: true, data: expected })

    for (const log of [logs.fran, logs.flo, logs.hana, logs.patTab2]) {
      await waitFor(() => log.notesChanged.length === 1, 5_000, 'notes:changed')
      expect(log.notesChanged).toEqual([{ storyId: ghent, notes: expected }])
    }

    await Promise.all([settled(kim.screen), settled(olli.screen), settled(patScreen)])
    for (const log of [logs.kim, logs.olli]) {
      expect(log.notesChanged).toEqual([])
      expect(JSON.stringify(log)).not.toContain(LEARNING)
    }
    expect(logs.pat.notesChanged).toEqual([]) // the sender has the answer already
    for (const log of Object.values(logs)) expect(log.controlStates).toEqual([]) // notes are not public state

    // And the other way: a facilitator's edit reaches the storyteller, still not the others.
    expect(await request(fran.socket, 'notes:save', { storyId: ghent, notes: { plans: 'Ten streets' } })).toMatchObject({ ok: true })
    await waitFor(() => logs.pat.notesChanged.length === 1, 5_000, 'storyteller told')
    expect(logs.pat.notesChanged[0]).toEqual({ storyId: ghent, notes: { ...expected, plans: 'Ten streets' } })
    await settled(kim.screen)
    expect(logs.kim.notesChanged).toEqual([])
  })
})
