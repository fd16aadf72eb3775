import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCard, storyArea } from '@harvest/shared'
import type { CreateSessionResult, JoinResult, Report } from '@harvest/shared'
import { createSession, joinAs, download } from '../testing/api'
import { cardBy } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, request } from '../testing/clients'
import { ensurePdfTools, isPdf, pdfText } from '../testing/pdfTools'
import { startTestServer, type TestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

describe('the report over HTTP', () => {
  let server: TestServer
  let created: CreateSessionResult
  let other: CreateSessionResult
  let participant: JoinResult
  let harvester: JoinResult
  const reportPath = (format: string, sessionId = created.session.id) => `/api/sessions/${sessionId}/report.${format}`

  beforeAll(async () => {
    server = await startTestServer({ printer: null })
    created = await createSession(server.url, { title: 'Łódź & Umeå – Round 2' })
    other = await createSession(server.url, { title: 'Another cluster' })
    participant = await joinAs(server.url, created, 'participant', { name: 'Gráinne', city: 'Galway', cityKind: 'pilot' })
    harvester = await joinAs(server.url, created, 'harvester', { name: 'Hana' })
    const board = connectBoard(server.url, created.session.id, participant.memberToken)
    await board.synced()
    const storyId = (await server.app.ctx.control.read(created.session.id)).state.stories[0]?.id
    addCard(board.doc, cardBy(participant.member, 'c1', 'Ghent’s green roofs cut the heat', { kind: 'outcome', area: storyId ? storyArea(storyId) : 'plenary' }))
    addCard(board.doc, cardBy(participant.member, 'c2', '<script>alert(1)</script>', { kind: 'challenge' }))
    await waitFor(async () => {
      const json = await download(server.url, reportPath('json'), created.memberToken)
      return (JSON.parse(json.text) as Report).cards.length === 2
    }, 5_000, 'cards reach the report')
  })
  afterAll(disposeAll)

  it('gives facilitators and harvesters every format at any time, with a safe file name', async () => {
    for (const format of ['md', 'html', 'docx', 'json', 'csv']) {
      for (const token of [created.memberToken, harvester.memberToken]) {
        const file = await download(server.url, reportPath(format), token)
        expect(file.status, `${format}`).toBe(200)
        expect(file.bytes.length).toBeGreaterThan(100)
        const disposition = file.headers.get('content-disposition') ?? ''
        expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
        expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`Harvest report - Łódź & Umeå – Round 2 - 2026-06-14.${format}`)
      }
    }
    const json = JSON.parse((await download(server.url, reportPath('json'), created.memberToken)).text) as Report
    expect(json.session.title).toBe('Łódź & Umeå – Round 2')
    expect(json.cards.map((c) => c.text).sort()).toEqual(['<script>alert(1)</script>', 'Ghent’s green roofs cut the heat'])
    expect(json.what.stories[0]?.outcomes.map((c) => c.text)).toEqual(['Ghent’s green roofs cut the heat'])
    const md = await download(server.url, reportPath('md'), created.memberToken, 'query')
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.text).not.toContain('<script>')
  })

  it('refuses a missing or unknown token (401), another session (404) and an unknown format (404)', async () => {
    expect((await download(server.url, reportPath('md'), null)).status).toBe(401)
    expect((await download(server.url, reportPath('md'), 'x'.repeat(43))).status).toBe(401)
    expect((await download(server.url, reportPath('md'), 'not a token')).status).toBe(401)
    const otherSession = await download(server.url, reportPath('md', other.session.id), created.memberToken)
    expect(otherSession.status).toBe(404)
    expect(otherSession.text).not.toContain('Another cluster')
    const unknown = await download(server.url, reportPath('exe'), created.memberToken)
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text).message).toMatch(/md, html, pdf, docx, json, csv/)
  })

  it('keeps the report from participants and observers until it is shared (403)', async () => {
    const observerInvite = created.invites.find((i) => i.role === 'observer')!.token
    for (const token of [participant.memberToken, observerInvite]) {
      const refused = await download(server.url, reportPath('html'), token)
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.text).message).toMatch(/not shared yet/)
    }
  })

  it('lets everyone in the session download once the facilitator shares it, and only the facilitator shares', async () => {
    const observerInvite = created.invites.find((i) => i.role === 'observer')!.token
    const asParticipant = await connectSocket(server.url, participant.memberToken)
    const refused = await request(asParticipant.socket, 'report:share', { shared: true })
    expect(refused).toMatchObject({ ok: false, error: 'forbidden', message: 'only a facilitator can share the report' })
    expect((await download(server.url, reportPath('md'), participant.memberToken)).status).toBe(403)

    const asFacilitator = await connectSocket(server.url, created.memberToken)
    expect(await request(asFacilitator.socket, 'report:share', { shared: true })).toEqual({ ok: true, data: null })
    await waitFor(() => asParticipant.socket.connected && (server.app.ctx.control.peek(created.session.id)?.reportShared ?? false), 5_000, 'shared')
    for (const token of [participant.memberToken, observerInvite]) {
      const file = await download(server.url, reportPath('md'), token)
      expect(file.status).toBe(200)
      expect(file.text).toContain('Ghent’s green roofs cut the heat')
    }
    // Sharing one session's report opens nothing of another's.
    expect((await download(server.url, reportPath('md', other.session.id), participant.memberToken)).status).toBe(404)

    expect(await request(asFacilitator.socket, 'report:share', { shared: false })).toEqual({ ok: true, data: null })
    expect((await download(server.url, reportPath('md'), participant.memberToken)).status).toBe(403)
    expect((await download(server.url, reportPath('md'), harvester.memberToken)).status).toBe(200)
  })

  it('answers 503 with a reason for a PDF where the server has no browser, while HTML stays available', async () => {
    const pdf = await download(server.url, reportPath('pdf'), created.memberToken)
    expect(pdf.status).toBe(503)
    expect(JSON.parse(pdf.text).message).toMatch(/no Chromium.*HTML report prints/)
    expect((await download(server.url, reportPath('html'), created.memberToken)).status).toBe(200)
  })

  it('serves the JSON Schema of the report', async () => {
    const response = await fetch(`${server.url}/api/report.schema.json`)
    expect(response.status).toBe(200)
    const schema = (await response.json()) as { properties: Record<string, unknown> }
    expect(Object.keys(schema.properties)).toContain('keyInsights')
  })
})

describe('the PDF report', () => {
  beforeAll(ensurePdfTools, 600_000)
  afterAll(disposeAll)

  it('is the HTML report printed by the server’s Chromium, with the cards’ text in it', async () => {
    const server = await startTestServer()
    const created = await createSession(server.url, { title: 'Łódź round' })
    const writer = await joinAs(server.url, created, 'participant', { name: 'Ola', city: 'Łódź', cityKind: 'pilot' })
    const board = connectBoard(server.url, created.session.id, writer.memberToken)
    await board.synced()
    addCard(board.doc, cardBy(writer.member, 'p1', 'Residents trust neighbours more than brochures', { kind: 'learning' }))
    await waitFor(async () => (JSON.parse((await download(server.url, `/api/sessions/${created.session.id}/report.json`, created.memberToken)).text) as Report).cards.length === 1, 5_000, 'card stored')
    const pdf = await download(server.url, `/api/sessions/${created.session.id}/report.pdf`, created.memberToken)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(isPdf(pdf.bytes)).toBe(true)
    const text = pdfText(pdf.bytes)
    expect(text).toContain('Residents trust neighbours more than brochures')
    expect(text).toContain('Łódź round')
  }, 120_000)
})
