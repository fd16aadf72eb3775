import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateSessionResult, ProgrammeReport } from '@harvest/shared'
import { programmeReportPath } from '@harvest/shared'
import { accepted } from '../../testing/acks'
import { createSession } from '../../testing/api'
import { disposeAll } from '../../testing/cleanup'
import { connectSocket, request } from '../../testing/clients'
import { startTestServer, type TestServer } from '../../testing/testServer'

const ORGANISER = 'organiser-key-for-the-programme-test-0123456789'

describe('the programme synthesis over HTTP', () => {
  let server: TestServer
  let ended4: CreateSessionResult
  let ended1: CreateSessionResult
  let open4: CreateSessionResult
  let otherRound: CreateSessionResult
  const get = (path: string, token: string | null) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeAll(async () => {
    server = await startTestServer({ printer: null, adminToken: ORGANISER })
    ended4 = await createSession(server.url, { title: 'Cluster 4 – Round 2', cluster: 'Cluster 4', round: 'Round 2' })
    ended1 = await createSession(server.url, { title: 'Cluster 1 – Round 2', cluster: 'Cluster 1', round: 'Round 2' })
    open4 = await createSession(server.url, { title: 'Still running', cluster: 'Cluster 4', round: 'Round 2' })
    otherRound = await createSession(server.url, { title: 'Round 1 session', cluster: 'Cluster 4', round: 'Round 1' })
    for (const session of [ended4, ended1, otherRound]) {
      const fran = await connectSocket(server.url, session.memberToken)
      accepted(await request(fran.socket, 'session:end', {}))
    }
  })
  afterAll(disposeAll)

  it('builds the synthesis of a round’s ended sessions for the organiser', async () => {
    const response = await get(programmeReportPath('json', { round: 'Round 2' }), ORGANISER)
    expect(response.status).toBe(200)
    const body = (await response.json()) as ProgrammeReport
    expect(body.round).toBe('Round 2')
    expect(body.sessions.map((s) => s.title).sort()).toEqual(['Cluster 1 – Round 2', 'Cluster 4 – Round 2'])
    expect(body.clusters.map((c) => c.cluster).sort()).toEqual(['Cluster 1', 'Cluster 4'])
  })

  it('takes a list of sessions, ended or not, and answers every format', async () => {
    const path = (format: string) => programmeReportPath(format, { sessions: [open4.session.id, otherRound.session.id] })
    const body = (await (await get(path('json'), ORGANISER)).json()) as ProgrammeReport
    expect(body.sessions.map((s) => s.round).sort()).toEqual(['Round 1', 'Round 2'])
    for (const format of ['md', 'html', 'docx', 'csv']) {
      const response = await get(path(format), ORGANISER)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="Programme synthesis\\.${format}"`))
    }
    expect((await get(path('pdf'), ORGANISER)).status).toBe(503)
  })

  it('refuses without the organiser key, even with a facilitator’s token (401)', async () => {
    expect((await get(programmeReportPath('md', { round: 'Round 2' }), null)).status).toBe(401)
    expect((await get(programmeReportPath('md', { round: 'Round 2' }), ended4.memberToken)).status).toBe(401)
    expect((await fetch(`${server.url}${programmeReportPath('md', { round: 'Round 2' })}&token=${ORGANISER}`)).status).toBe(401)
  })

  it('answers a missing choice (400), an unknown session or format (404)', async () => {
    expect((await get('/api/programme/report.md', ORGANISER)).status).toBe(400)
    expect((await get(programmeReportPath('md', { sessions: ['nope'] }), ORGANISER)).status).toBe(404)
    expect((await get(programmeReportPath('exe', { round: 'Round 2' }), ORGANISER)).status).toBe(404)
  })
})
