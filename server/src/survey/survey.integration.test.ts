import { afterEach, describe, expect, it } from 'vitest'
import type { SurveyResults, SurveyState } from '@harvest/shared'
import { DEFAULT_SURVEY } from '@harvest/shared'
import { createSession, inviteToken, joinAs } from '../testing/api'
import { accepted, refusedWith } from '../testing/acks'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request, type TestSocket } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** Everything a socket received, by event name, in order. */
function recordAll(client: TestSocket): { event: string; args: unknown[] }[] {
  const seen: { event: string; args: unknown[] }[] = []
  client.socket.onAny((event: string, ...args: unknown[]) => void seen.push({ event, args }))
  return seen
}

const PAT_SECRET = 'Pat wrote this highlight alone'

/**
 * Fran facilitates; Pat (Ghent, pilot) and Tove (Umeå, twin) participate; Hana harvests; Olli
 * observes; a guest holds only the observer invitation. Everyone is connected.
 */
async function world() {
  const { url } = await startTestServer()
  const created = await createSession(url, { facilitatorName: 'Fran' })
  const [pat, tove, hana, olli] = await Promise.all([
    joinAs(url, created, 'participant', { name: 'Pat Pilotperson', city: 'Ghent', cityKind: 'pilot' }),
    joinAs(url, created, 'participant', { name: 'Tove Twinperson', city: 'Umeå', cityKind: 'twin' }),
    joinAs(url, created, 'harvester', { name: 'Hana Harvester' }),
    joinAs(url, created, 'observer', { name: 'Olli Observer' }),
  ])
  const [fran, patC, toveC, hanaC, olliC, guestC] = await Promise.all([
    connectSocket(url, created.memberToken),
    connectSocket(url, pat.memberToken),
    connectSocket(url, tove.memberToken),
    connectSocket(url, hana.memberToken),
    connectSocket(url, olli.memberToken),
    connectSocket(url, inviteToken(created, 'observer')),
  ])
  return { url, created, pat, tove, fran, patC, toveC, hanaC, olliC, guestC }
}

const full = (agreements: (0 | 1 | 2 | 3 | 4 | null)[], texts = ['', '', '']) => ({ agreements, texts })

describe('the feedback survey over real sockets', () => {
  it('starts as the report survey, a draft nobody can answer yet', async () => {
    const w = await world()
    const state = accepted(await request(w.patC.socket, 'survey:get', {}))
    expect(state).toEqual({ definition: DEFAULT_SURVEY, status: 'draft', responses: 0, pilotResponses: 0, twinResponses: 0 })
    expect(refusedWith(await request(w.patC.socket, 'survey:answer', full([4, 4, 4])), 'conflict')).toMatch(/not open yet/)
  })

  it('lets facilitators edit it only while a draft, and nobody else ever', async () => {
    const w = await world()
    const edited = { statements: ['The stories were useful'], questions: ['What was missing?'] }
    for (const client of [w.patC, w.hanaC, w.olliC, w.guestC]) {
      refusedWith(await request(client.socket, 'survey:update', edited), 'forbidden')
      refusedWith(await request(client.socket, 'survey:open', {}), 'forbidden')
    }
    const broadcast = new Promise<SurveyState>((resolve) => w.patC.socket.once('survey:state', resolve))
    expect(accepted(await request(w.fran.socket, 'survey:update', edited)).definition).toEqual(edited)
    expect((await broadcast).definition).toEqual(edited)
    refusedWith(await request(w.fran.socket, 'survey:update', { statements: [], questions: [] }), 'invalid')
    refusedWith(await request(w.fran.socket, 'survey:update', { statements: [' '], questions: [] }), 'invalid')

    accepted(await request(w.fran.socket, 'survey:open', {}))
    expect(refusedWith(await request(w.fran.socket, 'survey:update', DEFAULT_SURVEY), 'conflict')).toMatch(/before it opens/)
    accepted(await request(w.fran.socket, 'survey:close', {}))
    refusedWith(await request(w.fran.socket, 'survey:update', DEFAULT_SURVEY), 'conflict')
    expect(refusedWith(await request(w.fran.socket, 'survey:open', {}), 'conflict')).toMatch(/cannot open again/)
    for (const client of [w.patC, w.olliC]) refusedWith(await request(client.socket, 'survey:close', {}), 'forbidden')
  })

  it('keeps one answer per person, changeable until it closes, then refuses changes', async () => {
    const w = await world()
    accepted(await request(w.fran.socket, 'survey:open', {}))
    expect(accepted(await request(w.patC.socket, 'survey:mine', {}))).toBeNull()
    accepted(await request(w.patC.socket, 'survey:answer', full([1, 1, 1], ['first', '', ''])))
    const changed = full([4, 3, null], ['changed my mind', '', 'templates'])
    expect(accepted(await request(w.patC.socket, 'survey:answer', changed))).toEqual(changed)
    expect(accepted(await request(w.patC.socket, 'survey:mine', {}))).toEqual(changed)
    accepted(await request(w.toveC.socket, 'survey:answer', full([0, 3, 2])))
    accepted(await request(w.hanaC.socket, 'survey:answer', full([2, 2, 2])))

    const results = accepted(await request(w.fran.socket, 'survey:results', {}))
    expect(results.all.responses).toBe(3)
    expect(results.all.statements[0]!.counts).toEqual([1, 0, 1, 0, 1])
    expect(results.pilot.statements[0]!.counts).toEqual([0, 0, 0, 0, 1])
    expect(results.twin.statements[0]!.counts).toEqual([1, 0, 0, 0, 0])
    expect(results.all.questions[0]!.answers).toEqual([{ text: 'changed my mind', cityKind: 'pilot' }])
    expect(accepted(await request(w.patC.socket, 'survey:get', {}))).toMatchObject({ responses: 3, pilotResponses: 1, twinResponses: 1 })

    accepted(await request(w.fran.socket, 'survey:close', {}))
    expect(refusedWith(await request(w.patC.socket, 'survey:answer', full([0, 0, 0])), 'conflict')).toMatch(/closed/)
    refusedWith(await request(w.toveC.socket, 'survey:answer', full([4, 4, 4])), 'conflict')
    expect(accepted(await request(w.patC.socket, 'survey:mine', {}))).toEqual(changed)
    expect(accepted(await request(w.fran.socket, 'survey:results', {})).all.statements[0]!.counts).toEqual([1, 0, 1, 0, 1])
  })

  it('refuses observers, guests, the facilitator and answers that do not fit the survey', async () => {
    const w = await world()
    accepted(await request(w.fran.socket, 'survey:open', {}))
    for (const client of [w.olliC, w.guestC, w.fran]) {
      refusedWith(await request(client.socket, 'survey:answer', full([4, 4, 4])), 'forbidden')
      refusedWith(await request(client.socket, 'survey:mine', {}), 'forbidden')
    }
    for (const client of [w.patC, w.olliC, w.guestC]) refusedWith(await request(client.socket, 'survey:results', {}), 'forbidden')
    refusedWith(await request(w.patC.socket, 'survey:answer', full([4, 4])), 'invalid')
    refusedWith(await request(w.patC.socket, 'survey:answer', full([5, 4, 4] as never)), 'invalid')
    refusedWith(await request(w.patC.socket, 'survey:answer', full([null, null, null], [' ', '', ''])), 'invalid')
    refusedWith(await request(w.patC.socket, 'survey:answer', { ...full([4, 4, 4]), memberId: w.tove.member.id }), 'invalid')
    expect(accepted(await request(w.fran.socket, 'survey:results', {})).all.responses).toBe(0)
  })

  it('never sends names, member ids or others’ answers to participants, and results only to facilitators', async () => {
    const w = await world()
    const toveSaw = recordAll(w.toveC)
    const olliSaw = recordAll(w.olliC)
    const franResults: SurveyResults[] = []
    w.fran.socket.on('survey:results', (results) => void franResults.push(results))
    accepted(await request(w.fran.socket, 'survey:open', {}))
    accepted(await request(w.patC.socket, 'survey:answer', full([4, 4, 4], [PAT_SECRET, '', ''])))
    accepted(await request(w.toveC.socket, 'survey:answer', full([3, 3, 3])))
    accepted(await request(w.fran.socket, 'survey:close', {}))
    await waitFor(() => toveSaw.filter((e) => e.event === 'survey:state').length >= 4 && franResults.length >= 4, 5_000, 'broadcasts')

    for (const seen of [toveSaw, olliSaw]) {
      expect(seen.map((e) => e.event)).not.toContain('survey:results')
      const everything = JSON.stringify(seen)
      expect(everything).not.toContain(PAT_SECRET)
      const survey = JSON.stringify(seen.filter((e) => e.event.startsWith('survey:')))
      for (const secret of ['Pat Pilotperson', 'Tove Twinperson', w.pat.member.id, w.tove.member.id, 'Ghent', 'Umeå']) {
        expect(survey).not.toContain(secret)
      }
    }
    const last = toveSaw.filter((e) => e.event === 'survey:state').at(-1)!.args[0] as SurveyState
    expect(last).toMatchObject({ status: 'closed', responses: 2, pilotResponses: 1, twinResponses: 1 })

    const results = JSON.stringify(franResults)
    expect(results).toContain(PAT_SECRET)
    for (const secret of ['Pat Pilotperson', 'Tove Twinperson', w.pat.member.id, w.tove.member.id, 'Ghent', 'Umeå']) {
      expect(results).not.toContain(secret)
    }
  })

  it('stays open after the session ends, until a facilitator closes it', async () => {
    const w = await world()
    accepted(await request(w.fran.socket, 'survey:open', {}))
    accepted(await request(w.fran.socket, 'session:end', {}))
    accepted(await request(w.patC.socket, 'survey:answer', full([3, 3, 3])))
    accepted(await request(w.patC.socket, 'survey:answer', full([4, 3, 3])))
    refusedWith(await request(w.olliC.socket, 'survey:answer', full([4, 3, 3])), 'forbidden')
    accepted(await request(w.fran.socket, 'survey:close', {}))
    refusedWith(await request(w.patC.socket, 'survey:answer', full([0, 0, 0])), 'conflict')
    expect(accepted(await request(w.fran.socket, 'survey:results', {})).all.statements[0]!.counts).toEqual([0, 0, 0, 0, 1])
  })

  it('counts an answer under the city kind the person has when answering', async () => {
    const w = await world()
    accepted(await request(w.fran.socket, 'survey:open', {}))
    accepted(await request(w.patC.socket, 'member:update', { cityKind: 'twin' }))
    accepted(await request(w.patC.socket, 'survey:answer', full([4, null, null])))
    const results = accepted(await request(w.fran.socket, 'survey:results', {}))
    expect([results.pilot.responses, results.twin.responses]).toEqual([0, 1])
  })
})
