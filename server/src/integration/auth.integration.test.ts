import { afterEach, describe, expect, it } from 'vitest'
import type { HttpError, InviteInfo, JoinResult } from '@harvest/shared'
import { BOARD_CLOSE, PLENARY_AREA, INVITE_ROLES, addCard, listCards } from '@harvest/shared'
import { createSession, inviteToken, joinAs, requestJson } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, expectConnectError } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** Well-formed, but no invitation or member has it. */
const unknownToken = 'Zz'.repeat(22)

describe('socket.io handshake', () => {
  it('refuses a connection without a token', async () => {
    const { url } = await startTestServer()
    expect(await expectConnectError(url, undefined)).toBe('missing or malformed token')
    expect(await expectConnectError(url, 'short')).toBe('missing or malformed token')
  })

  it('refuses a token nobody holds', async () => {
    const { url } = await startTestServer()
    await createSession(url)
    expect(await expectConnectError(url, unknownToken)).toBe('unknown or revoked token')
  })

  it('welcomes a member with the session state and their role', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url, { title: 'Welcome test' })
    const pat = await joinAs(url, created, 'participant', { name: 'Pat' })

    const { welcome } = await connectSocket(url, pat.memberToken)
    expect(welcome.session).toMatchObject({ id: created.session.id, title: 'Welcome test' })
    expect(welcome.you).toMatchObject({ role: 'participant', memberId: pat.member.id })
    expect(welcome.members.map((m) => [m.name, m.role])).toEqual([
      ['Fran Facilitator', 'facilitator'],
      ['Pat', 'participant'],
    ])
    expect(welcome.members.find((m) => m.id === pat.member.id)?.online).toBe(true)
  })

  it('shows the invitation links to the facilitator only', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const pat = await joinAs(url, created, 'participant')
    const harvester = await joinAs(url, created, 'harvester')

    const facilitator = await connectSocket(url, created.memberToken)
    expect(facilitator.welcome.you.role).toBe('facilitator')
    expect(facilitator.welcome.invites?.map((i) => i.role).sort()).toEqual([...INVITE_ROLES].sort())
    expect(facilitator.welcome.invites?.map((i) => i.token).sort()).toEqual(created.invites.map((i) => i.token).sort())

    for (const token of [pat.memberToken, harvester.memberToken, inviteToken(created, 'observer')]) {
      const { welcome } = await connectSocket(url, token)
      expect(welcome.invites).toBeNull()
      expect(JSON.stringify(welcome)).not.toContain(inviteToken(created, 'facilitator'))
    }
  })

  it('lets an invitation holder in as a guest of that role, with no member id', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const { welcome } = await connectSocket(url, inviteToken(created, 'observer'))
    expect(welcome.you).toMatchObject({ role: 'observer', memberId: null })
    expect(welcome.members).toHaveLength(1)
  })

  it('never sends a member their token hash', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const { welcome } = await connectSocket(url, created.memberToken)
    for (const m of welcome.members) expect(m).not.toHaveProperty('tokenHash')
  })
})

describe('board endpoint', () => {
  it('closes a connection with an unknown token with 4401', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const board = connectBoard(url, created.session.id, unknownToken)
    await waitFor(() => board.closed, 5_000, 'board closed')
    expect(board.closed).toEqual({ code: BOARD_CLOSE.unauthorized.code, reason: 'unknown or revoked token' })
    expect(board.provider.synced).toBe(false)
  })

  it('closes a connection with a malformed token with 4401', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const board = connectBoard(url, created.session.id, 'not-a-token')
    await waitFor(() => board.closed, 5_000, 'board closed')
    expect(board.closed).toEqual({ code: 4401, reason: 'missing or malformed token' })
  })

  it('refuses a token of another session with 4403 and sends nothing of that board', async () => {
    const { url, app } = await startTestServer()
    const sessionA = await createSession(url, { title: 'A' })
    const sessionB = await createSession(url, { title: 'B' })

    // Session B has a card on its board.
    const writerB = connectBoard(url, sessionB.session.id, sessionB.memberToken)
    await writerB.synced()
    const { member } = sessionB
    addCard(writerB.doc, { id: 'secret', text: 'B only', authorId: member.id, authorName: member.name, city: '', cityKind: null, area: PLENARY_AREA })
    const liveB = await app.docs.open(`board:${sessionB.session.id}`)
    await waitFor(() => listCards(liveB.doc).length === 1, 5_000, 'card stored in B')

    const intruder = connectBoard(url, sessionB.session.id, sessionA.memberToken)
    await waitFor(() => intruder.closed, 5_000, 'intruder closed')
    expect(intruder.closed).toEqual({ code: BOARD_CLOSE.wrongSession.code, reason: BOARD_CLOSE.wrongSession.reason })
    expect(listCards(intruder.doc)).toEqual([])
    expect(intruder.doc.store.clients.size).toBe(0)
  })

  it('accepts a member token on its own session board', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const board = connectBoard(url, created.session.id, created.memberToken)
    await board.synced()
    expect(board.closed).toBeNull()
  })
})

describe('HTTP API', () => {
  it('creates a session with one invitation per role and the facilitator as first member', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url, { facilitatorName: 'Fran' })
    expect(created.member).toMatchObject({ name: 'Fran', role: 'facilitator', sessionId: created.session.id })
    expect(created.memberToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(created.invites.map((i) => i.role).sort()).toEqual([...INVITE_ROLES].sort())
  })

  it('refuses a session with an impossible date', async () => {
    const { url } = await startTestServer()
    const response = await requestJson<HttpError>(url, 'POST', '/api/sessions', {
      title: 'T',
      cluster: 'C',
      date: '2026-13-45',
      facilitatorName: 'F',
    })
    expect(response.status).toBe(400)
    expect(response.body.error).toBe('invalid')
    expect(response.body.message).toMatch(/^date:/)
  })

  it('shows what an invitation is for, and 404 for an unknown one', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url, { title: 'Invite info' })
    const info = await requestJson<InviteInfo>(url, 'GET', `/api/invites/${inviteToken(created, 'harvester')}`)
    expect(info.status).toBe(200)
    expect(info.body).toEqual({ session: created.session, role: 'harvester', endedAt: null })

    for (const token of [unknownToken, 'malformed']) {
      const unknown = await requestJson<HttpError>(url, 'GET', `/api/invites/${token}`)
      expect(unknown.status).toBe(404)
      expect(unknown.body.error).toBe('not_found')
    }
  })

  it('joins a participant with a city and gives a working member token', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const response = await requestJson<JoinResult>(url, 'POST', '/api/join', {
      token: inviteToken(created, 'participant'),
      name: 'Pat',
      city: 'Braga',
      cityKind: 'twin',
    })
    expect(response.status).toBe(201)
    expect(response.body.member).toMatchObject({ name: 'Pat', role: 'participant', city: 'Braga', cityKind: 'twin' })
    const { welcome } = await connectSocket(url, response.body.memberToken)
    expect(welcome.you.memberId).toBe(response.body.member.id)
  })

  it('refuses a participant without a city, or without saying pilot or twin', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const token = inviteToken(created, 'participant')

    const noCity = await requestJson<HttpError>(url, 'POST', '/api/join', { token, name: 'Pat' })
    expect(noCity.status).toBe(400)
    expect(noCity.body).toEqual({ error: 'invalid', message: 'city is required for participants' })

    const noKind = await requestJson<HttpError>(url, 'POST', '/api/join', { token, name: 'Pat', city: 'Ghent' })
    expect(noKind.status).toBe(400)
    expect(noKind.body).toEqual({ error: 'invalid', message: 'say whether your city is a pilot or a twin city' })

    // Nobody was added by the refused attempts.
    const { welcome } = await connectSocket(url, created.memberToken)
    expect(welcome.members).toHaveLength(1)
  })

  it('lets an observer join without a city', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const response = await requestJson<JoinResult>(url, 'POST', '/api/join', { token: inviteToken(created, 'observer'), name: 'Obi' })
    expect(response.status).toBe(201)
    expect(response.body.member).toMatchObject({ role: 'observer', city: '', cityKind: null })
  })

  it('answers a body that is not JSON with 400', async () => {
    const { url } = await startTestServer()
    const response = await requestJson<HttpError>(url, 'POST', '/api/join', '{"token": ')
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'invalid', message: 'the request body is not valid JSON' })
  })

  it('refuses a join that tries to choose its own role', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const response = await requestJson<HttpError>(url, 'POST', '/api/join', {
      token: inviteToken(created, 'observer'),
      name: 'Sneaky',
      role: 'facilitator',
    })
    expect(response.status).toBe(400)
    expect(response.body.error).toBe('invalid')
  })

  it('refuses to join with an unknown invitation with 401', async () => {
    const { url } = await startTestServer()
    const response = await requestJson<HttpError>(url, 'POST', '/api/join', { token: unknownToken, name: 'Pat' })
    expect(response.status).toBe(401)
    expect(response.body.error).toBe('unauthorized')
    expect(response.body.message).toMatch(/invitation link is not valid/)
  })

  it('a member token is not an invitation: it cannot be used to join again', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const response = await requestJson<HttpError>(url, 'POST', '/api/join', { token: created.memberToken, name: 'Copy' })
    expect(response.status).toBe(401)
  })

  it('answers an unknown API route with a JSON 404', async () => {
    const { url } = await startTestServer()
    const response = await requestJson<HttpError>(url, 'GET', '/api/nothing-here')
    expect(response.status).toBe(404)
    expect(response.body.error).toBe('not_found')
  })
})
