import http from 'node:http'
import zlib from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createSession, inviteToken } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { startTestServer } from '../testing/testServer'

afterEach(disposeAll)

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: { error?: string; message?: string } | null
  text: string
}

/** One request over a plain socket, headers and bytes exactly as given (fetch would fix them up). */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<RawResponse> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: RawResponse['body'] = null
        try {
          parsed = JSON.parse(text)
        } catch {
          parsed = null
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text })
      })
    })
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

async function world() {
  const server = await startTestServer()
  const created = await createSession(server.url)
  const token = inviteToken(created, 'participant')
  const join = JSON.stringify({ token, name: 'Pat', city: 'Ghent', cityKind: 'pilot' })
  const members = async () => (await server.storage.listMembers(created.session.id)).length
  return { server, created, token, join, members }
}

describe('malformed HTTP requests get a 4xx with a clear message', () => {
  it('refuses a JSON body declared in a charset other than UTF-8 with 415', async () => {
    const { server, join, members } = await world()
    const before = await members()
    for (const charset of ['latin1', 'x-no-such-charset']) {
      const res = await raw(server.url, 'POST', '/api/join', { 'content-type': `application/json; charset=${charset}` }, join)
      expect(res.status).toBe(415)
      expect(res.body).toEqual({ error: 'invalid', message: expect.stringContaining('UTF-8') })
    }
    expect(await members()).toBe(before)
  })

  it('refuses a Content-Encoding the server does not speak with 415 and says which it reads', async () => {
    const { server, join, members } = await world()
    const before = await members()
    const res = await raw(server.url, 'POST', '/api/join', { 'content-type': 'application/json', 'content-encoding': 'compress' }, join)
    expect(res.status).toBe(415)
    expect(res.body?.error).toBe('invalid')
    expect(res.body?.message).toMatch(/Content-Encoding "compress".*gzip/)
    expect(await members()).toBe(before)
  })

  it('refuses bytes that are not gzip under a gzip header with 400, and reads real gzip', async () => {
    const { server, join, members } = await world()
    const before = await members()
    const bad = await raw(server.url, 'POST', '/api/join', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, join)
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ error: 'invalid', message: 'the request body is not valid data for its Content-Encoding' })
    expect(await members()).toBe(before)

    const good = await raw(server.url, 'POST', '/api/join', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, zlib.gzipSync(join))
    expect(good.status).toBe(201)
    expect(await members()).toBe(before + 1)
  })

  it('answers a malformed percent-encoding in an address with 400, without echoing the address', async () => {
    const { server, token } = await world()
    for (const path of [`/api/invites/${token}%E0%A4%A`, '/api/invites/%zz', `/api/sessions/%E0/report.html?token=${token}`]) {
      const res = await raw(server.url, 'GET', path)
      expect(res.status, path).toBe(400)
      expect(res.body?.error).toBe('invalid')
      expect(res.body?.message).toMatch(/percent-encoding/)
      expect(res.text).not.toContain(token)
    }
  })

  it('answers a body over the limit with 413 and invalid JSON with 400', async () => {
    const { server, token, members } = await world()
    const before = await members()
    const big = JSON.stringify({ token, name: 'x'.repeat(70 * 1024) })
    const tooLarge = await raw(server.url, 'POST', '/api/join', { 'content-type': 'application/json' }, big)
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toEqual({ error: 'invalid', message: 'the request body is larger than the 64 KB the API takes' })

    const broken = await raw(server.url, 'POST', '/api/join', { 'content-type': 'application/json' }, `{"token": "${token}", `)
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual({ error: 'invalid', message: 'the request body is not valid JSON' })
    expect(await members()).toBe(before)
  })
})
