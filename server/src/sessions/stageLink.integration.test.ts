import { afterEach, describe, expect, it } from 'vitest'
import type { HttpError } from '@harvest/shared'
import { PLENARY_AREA, STAGE_LINK_NO_JOIN, addCard, listCards } from '@harvest/shared'
import { DocumentPeer } from '../documents/DocumentPeer'
import { inviteToken, joinAs, requestJson } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, expectConnectError, request } from '../testing/clients'
import { createSessionWithCities } from '../testing/controlWorld'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

describe('the stage link', () => {
  it('shows the session read-only to whoever holds it, without joining', async () => {
    const { url, app } = await startTestServer()
    const created = await createSessionWithCities(url)
    const stage = inviteToken(created, 'stage')
    expect(new Set(created.invites.map((i) => i.token)).size).toBe(created.invites.length)

    const projector = await connectSocket(url, stage)
    expect(projector.welcome.session.id).toBe(created.session.id)
    expect(projector.welcome.you).toMatchObject({ role: 'observer', memberId: null })
    expect(projector.welcome.invites).toBeNull()
    expect(projector.welcome.control.agenda.length).toBeGreaterThan(0)
    const item = projector.welcome.control.agenda[0]!.id
    expect(await request(projector.socket, 'clock:command', { target: { kind: 'item', id: item }, command: { op: 'start' } })).toMatchObject({ ok: false, error: 'forbidden' })

    // A card written from the stage link never reaches the board.
    const board = connectBoard(url, created.session.id, stage)
    await board.synced()
    addCard(board.doc, { id: 'from-stage', text: 'x', authorId: 'nobody', authorName: 'Stage', city: '', cityKind: null, area: PLENARY_AREA })
    const live = await app.docs.open(`board:${created.session.id}`)
    const dropped = () => [...live.peers].reduce((sum, peer) => sum + (peer instanceof DocumentPeer ? peer.droppedUpdates : 0), 0)
    await waitFor(() => dropped() > 0, 5_000, 'the stage link’s update dropped')
    expect(listCards(live.doc).map((c) => c.id)).not.toContain('from-stage')

    const join = await requestJson<HttpError>(url, 'POST', '/api/join', { token: stage, name: 'Projector' })
    expect(join).toMatchObject({ status: 403, body: { error: 'forbidden', message: STAGE_LINK_NO_JOIN } })
    const info = await requestJson<HttpError>(url, 'GET', `/api/invites/${stage}`)
    expect(info).toMatchObject({ status: 404, body: { message: STAGE_LINK_NO_JOIN } })
  })

  it('is rotated like the invitations: the old one stops working, the new one shows the stage', async () => {
    const { url } = await startTestServer()
    const created = await createSessionWithCities(url)
    const old = inviteToken(created, 'stage')
    const fran = await connectSocket(url, created.memberToken)
    expect(fran.welcome.invites?.find((i) => i.role === 'stage')?.token).toBe(old)
    const projector = await connectSocket(url, old)
    let removed = ''
    projector.socket.on('session:removed', (why) => (removed = why))

    const ack = await request(fran.socket, 'invite:rotate', { role: 'stage' })
    expect(ack).toMatchObject({ ok: true, data: { role: 'stage' } })
    const fresh = ack.ok ? ack.data.token : ''
    expect(fresh).not.toBe(old)
    await waitFor(() => removed, 5_000, 'old stage link shown out')
    expect(await expectConnectError(url, old)).toBe('unknown or revoked token')
    expect((await connectSocket(url, fresh)).welcome.you.role).toBe('observer')
    // The observers' invitation is a different link and keeps working.
    expect((await connectSocket(url, inviteToken(created, 'observer'))).welcome.you.role).toBe('observer')
  })

  it('is refused as a rotation by anyone but a facilitator', async () => {
    const { url } = await startTestServer()
    const created = await createSessionWithCities(url)
    const hana = await joinAs(url, created, 'harvester', { name: 'Hana' })
    const screen = await connectSocket(url, hana.memberToken)
    expect(await request(screen.socket, 'invite:rotate', { role: 'stage' })).toMatchObject({ ok: false, error: 'forbidden' })
  })
})
