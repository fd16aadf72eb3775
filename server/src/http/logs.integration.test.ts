import crypto from 'node:crypto'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { BOARD_CLOSE, addCard, updateCard } from '@harvest/shared'
import { createSession, inviteToken, joinAs, requestJson } from '../testing/api'
import { cardBy } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard, connectSocket, expectConnectError, openRawBoardSocket, request } from '../testing/clients'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** A GET with the path exactly as given: fetch would re-encode a malformed one. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

const tokenShaped = () => crypto.randomBytes(32).toString('base64url')

describe('the server’s log', () => {
  it('prints nothing per request and never a token, whatever the requests get wrong', async () => {
    const adminKey = tokenShaped()
    const server = await spawnServer(tempDir(), 30_000, { env: { ADMIN_TOKEN: adminKey } })
    // The startup banner ends with the demo's links (the operator's own terminal, on purpose).
    await waitFor(() => server.output().includes('to create your own session'), 10_000, 'startup banner')
    const banner = server.output().length
    const afterBanner = () => server.output().slice(banner)

    // A session, people joining, the board and the session's socket, as in a real session.
    const created = await createSession(server.url)
    const id = created.session.id
    const ann = await joinAs(server.url, created, 'participant', { name: 'Ann' })
    const bob = await joinAs(server.url, created, 'participant', { name: 'Bob' })
    expect((await requestJson(server.url, 'GET', `/api/invites/${inviteToken(created, 'observer')}`)).status).toBe(200)
    const fran = await connectSocket(server.url, created.memberToken)
    expect((await request(fran.socket, 'time:sync', { clientSentAt: 1 })).ok).toBe(true)
    const annBoard = connectBoard(server.url, id, ann.memberToken)
    const bobBoard = connectBoard(server.url, id, bob.memberToken)
    await Promise.all([annBoard.synced(), bobBoard.synced()])
    addCard(annBoard.doc, cardBy(ann.member, 'ann-1'))
    await waitFor(() => bobBoard.doc.getMap('cards').has('ann-1'), 5_000, 'Ann’s card reaches Bob')
    expect((await fetch(`${server.url}/api/sessions/${id}/report.md?token=${created.memberToken}`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/sessions`, { headers: { authorization: `Bearer ${adminKey}` } })).status).toBe(200)

    // Everything a client can get wrong, each carrying a token somewhere.
    const stranger = tokenShaped()
    const participantInvite = inviteToken(created, 'participant')
    expect(await rawGet(server.url, `/api/invites/${participantInvite}%E0%A4%A`)).toBe(400)
    expect(await rawGet(server.url, `/api/sessions/%E0/report.html?token=${created.memberToken}`)).toBe(400)
    expect(await rawGet(server.url, `/api/invites/${stranger}`)).toBe(404)
    expect(await rawGet(server.url, `/api/sessions/${id}/report.md?token=${stranger}`)).toBe(401)
    expect(await rawGet(server.url, '/api/sessions', { authorization: `Bearer ${stranger}` })).toBe(401)
    expect((await requestJson(server.url, 'POST', '/api/join', `{"token": "${participantInvite}", "name": `)).status).toBe(400)
    const gzipLie = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: JSON.stringify({ token: participantInvite, name: 'Zed' }),
    })
    expect(gzipLie.status).toBe(400)
    expect(await expectConnectError(server.url, stranger)).toMatch(/token/)
    const refusedBoard = await openRawBoardSocket(server.url, id, stranger)
    await waitFor(() => refusedBoard.closed, 5_000, 'board refused a stranger')
    expect(refusedBoard.closed?.code).toBe(BOARD_CLOSE.unauthorized.code)
    // Bob editing Ann's card is refused with a reason (4422).
    updateCard(bobBoard.doc, 'ann-1', { text: 'not yours' })
    await waitFor(() => bobBoard.closed, 5_000, 'Bob’s change refused')
    expect(bobBoard.closed?.code).toBe(BOARD_CLOSE.refused.code)

    // The last answer is in; anything logged about the requests above has been written by now.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(afterBanner()).toBe('')

    // A frame that is not the protocol is worth a line for the operator, without who sent it.
    const garbage = await openRawBoardSocket(server.url, id, ann.memberToken)
    garbage.ws.send(Buffer.from([0x07, 0xff, 0xff]))
    await waitFor(() => garbage.closed, 5_000, 'garbage frame refused')
    await waitFor(() => afterBanner().includes('bad frame'), 5_000, 'the bad frame logged')

    await server.kill('SIGTERM')
    const secrets = [
      adminKey,
      stranger,
      created.memberToken,
      ann.memberToken,
      bob.memberToken,
      ...created.invites.map((invite) => invite.token),
    ]
    const log = server.output()
    for (const secret of secrets) expect(log.includes(secret), `a token in the log:\n${log}`).toBe(false)
    expect(afterBanner()).not.toMatch(/\/api\/|\/board\/|token=/)
  }, 60_000)
})
