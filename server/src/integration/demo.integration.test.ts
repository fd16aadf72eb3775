import { afterEach, describe, expect, it } from 'vitest'
import { listCards } from '@harvest/shared'
import { ensureDemoSession } from '../demo/seedDemo'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket } from '../testing/clients'
import { requestJson } from '../testing/api'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'
import type { DemoInfo, JoinResult } from '@harvest/shared'

afterEach(disposeAll)

describe('the demo session', () => {
  it('is created once, from Cluster 4, with a board of sorted cards and a story queued per pilot city', async () => {
    const { url, storage } = await startTestServer()
    const demo = await ensureDemoSession(storage)
    expect((await ensureDemoSession(storage)).session.id).toBe(demo.session.id)
    expect(demo.session.cities.filter((c) => c.kind === 'pilot').map((c) => c.name.split(' (')[0])).toEqual([
      'Cluj-Napoca', 'Galway', 'Istanbul', 'Polish multi-city pilot',
    ])
    expect(demo.session.cities.filter((c) => c.kind === 'twin').map((c) => c.twinOf)).toEqual(['Cluj-Napoca', 'Galway', 'Istanbul'])

    const token = demo.invites.find((i) => i.role === 'facilitator')!.token
    const joined = await requestJson<JoinResult>(url, 'POST', '/api/join', { token, name: 'Ana' })
    const { welcome } = await connectSocket(url, joined.body.memberToken)
    expect(welcome.control.stories.map((s) => s.city.split(' (')[0])).toEqual(['Cluj-Napoca', 'Galway', 'Istanbul', 'Polish multi-city pilot'])

    const board = connectBoard(url, demo.session.id, joined.body.memberToken)
    await waitFor(() => listCards(board.doc).length === 5, 5_000, 'the demo cards')
    expect(listCards(board.doc).every((card) => card.kind !== null && card.levers.length > 0)).toBe(true)
  })

  it('offers its links on the home page only when the server seeds the demo', async () => {
    const { url, storage } = await startTestServer({ showDemo: true })
    expect((await requestJson(url, 'GET', '/api/demo')).status).toBe(404)
    const demo = await ensureDemoSession(storage)
    const offered = await requestJson<DemoInfo>(url, 'GET', '/api/demo')
    expect(offered.status).toBe(200)
    expect(offered.body.session.id).toBe(demo.session.id)
    const participant = offered.body.invites.find((i) => i.role === 'participant')!
    expect((await requestJson(url, 'GET', `/api/invites/${participant.token}`)).status).toBe(200)

    const plain = await startTestServer()
    await ensureDemoSession(plain.storage)
    expect((await requestJson(plain.url, 'GET', '/api/demo')).status).toBe(404)
  })

  it('gives the lead to the first facilitator who arrives, and not to the next', async () => {
    const { url, storage } = await startTestServer()
    const demo = await ensureDemoSession(storage)
    const token = demo.invites.find((i) => i.role === 'facilitator')!.token
    const ana = (await requestJson<JoinResult>(url, 'POST', '/api/join', { token, name: 'Ana' })).body
    const ben = (await requestJson<JoinResult>(url, 'POST', '/api/join', { token, name: 'Ben' })).body
    const first = await connectSocket(url, ana.memberToken)
    expect(first.welcome.control.leadId).toBe(ana.member.id)
    const second = await connectSocket(url, ben.memberToken)
    const state = await second.socket.emitWithAck('session:sync', {})
    expect(state.ok && state.data.control.leadId).toBe(ana.member.id)
  })
})
