import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { Report } from '@harvest/shared'
import { DEFAULT_SURVEY } from '@harvest/shared'
import { createSession, inviteToken, joinAs, download } from '../testing/api'
import { accepted } from '../testing/acks'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request } from '../testing/clients'
import { startTestServer } from '../testing/testServer'

afterEach(disposeAll)

/** A session whose survey three participants answered, one of them from a twin city. */
async function answeredSurvey({ open = true } = {}) {
  const server = await startTestServer({ printer: null })
  const created = await createSession(server.url, { title: 'Cluster 4 – Round 2' })
  const people = await Promise.all([
    joinAs(server.url, created, 'participant', { name: 'Pat Pilot', city: 'Ghent', cityKind: 'pilot' }),
    joinAs(server.url, created, 'participant', { name: 'Gráinne Galway', city: 'Galway', cityKind: 'pilot' }),
    joinAs(server.url, created, 'participant', { name: 'Tove Twin', city: 'Umeå', cityKind: 'twin' }),
  ])
  const fran = await connectSocket(server.url, created.memberToken)
  if (open) {
    accepted(await request(fran.socket, 'survey:open', {}))
    const points = [[4, 3, 1], [3, 3, 1], [1, 4, 3]] as const
    for (const [i, person] of people.entries()) {
      const client = await connectSocket(server.url, person.memberToken)
      accepted(await request(client.socket, 'survey:answer', { agreements: [...points[i]!], texts: [`Highlight <b>${i}</b>`, '', ''] }))
    }
  }
  return { server, created, people, fran }
}

describe('the survey in the Harvest Report', () => {
  it('is null in the report while the survey was never opened', async () => {
    const { server, created } = await answeredSurvey({ open: false })
    const json = JSON.parse((await download(server.url, `/api/sessions/${created.session.id}/report.json`, created.memberToken)).text) as Report
    expect(json.survey).toBeNull()
    const md = (await download(server.url, `/api/sessions/${created.session.id}/report.md`, created.memberToken)).text
    expect(md).not.toContain('Feedback survey')
  })

  it('carries the counts in JSON and the sentences, chart and answers in Markdown and HTML, without names', async () => {
    const { server, created } = await answeredSurvey()
    const path = (format: string) => `/api/sessions/${created.session.id}/report.${format}`
    const json = JSON.parse((await download(server.url, path('json'), created.memberToken)).text) as Report
    expect(json.survey).toMatchObject({ responses: 3, pilotResponses: 2, twinResponses: 1 })
    expect(json.survey!.statements.map((s) => [s.text, s.counts, s.agreed])).toEqual([
      [DEFAULT_SURVEY.statements[0], [0, 1, 0, 1, 1], 2],
      [DEFAULT_SURVEY.statements[1], [0, 0, 0, 2, 1], 3],
      [DEFAULT_SURVEY.statements[2], [0, 2, 0, 1, 0], 1],
    ])
    const md = (await download(server.url, path('md'), created.memberToken)).text
    expect(md).toContain('## Feedback survey')
    expect(md).toContain('3 of 3 agreed or strongly agreed')
    expect(md).toContain('3 responses (2 from pilot cities, 1 from twin cities)')
    const html = (await download(server.url, path('html'), created.memberToken)).text
    expect(html).toMatch(/<svg[^>]*survey-chart|survey-chart[^<]*<svg|class="survey-chart"/)
    expect(html).toContain('Highlight &lt;b&gt;2&lt;/b&gt;')
    for (const text of [md, html, JSON.stringify(json)]) for (const name of ['Pat Pilot', 'Gráinne Galway', 'Tove Twin']) expect(text).not.toContain(name)
  })
})

describe('GET /api/sessions/<id>/survey.csv', () => {
  it('gives facilitators and harvesters one row per answer without names, as an attachment', async () => {
    const { server, created, people } = await answeredSurvey()
    const harvester = await joinAs(server.url, created, 'harvester', { name: 'Hana' })
    for (const token of [created.memberToken, harvester.memberToken]) {
      const file = await download(server.url, `/api/sessions/${created.session.id}/survey.csv`, token)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(decodeURIComponent(file.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('Feedback survey - Cluster 4 – Round 2 - 2026-06-14.csv')
      const rows = parse(file.text, { bom: true }) as string[][]
      expect(rows).toHaveLength(4)
      expect(rows.slice(1).map((r) => r[1])).toEqual(['Pilot city', 'Pilot city', 'Twin city'])
      for (const person of people) {
        expect(file.text).not.toContain(person.member.name)
        expect(file.text).not.toContain(person.member.id)
      }
    }
  })

  it('refuses without a token (401), to participants and observers until the report is shared (403), and other sessions (404)', async () => {
    const { server, created, people, fran } = await answeredSurvey()
    const other = await createSession(server.url, { title: 'Another' })
    const path = `/api/sessions/${created.session.id}/survey.csv`
    expect((await download(server.url, path, null)).status).toBe(401)
    expect((await download(server.url, path, 'x'.repeat(43))).status).toBe(401)
    expect((await download(server.url, path, people[0]!.memberToken)).status).toBe(403)
    expect((await download(server.url, path, inviteToken(created, 'observer'))).status).toBe(403)
    expect((await download(server.url, path, other.memberToken)).status).toBe(404)
    accepted(await request(fran.socket, 'report:share', { shared: true }))
    expect((await download(server.url, path, people[0]!.memberToken)).status).toBe(200)
    expect((await download(server.url, path, inviteToken(created, 'observer'))).status).toBe(200)
  })
})
