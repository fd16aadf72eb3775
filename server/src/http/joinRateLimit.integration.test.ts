import { afterEach, describe, expect, it } from 'vitest'
import { JOINS_PER_ADDRESS } from '../realtime/RateLimit'
import { createSession, inviteToken } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { startTestServer } from '../testing/testServer'

afterEach(disposeAll)

/** A server behind one trusted reverse proxy, on a rate-limit clock the test moves. */
async function world() {
  const clock = { t: 0 }
  const server = await startTestServer({ trustProxy: 1, rateClock: () => clock.t })
  const created = await createSession(server.url)
  const token = inviteToken(created, 'participant')
  const join = (from: string | null, name = 'Pat') =>
    fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
      body: JSON.stringify({ token, name, city: 'Ghent', cityKind: 'pilot' }),
    })
  const members = async () => (await server.storage.listMembers(created.session.id)).length
  return { clock, join, members }
}

describe('POST /api/join is limited per address', () => {
  it('takes a whole room joining at once, then answers 429 with Retry-After, and again later', async () => {
    const { clock, join, members } = await world()
    const before = await members()
    for (let i = 0; i < JOINS_PER_ADDRESS.burst; i++) expect((await join('203.0.113.7', `Person ${i}`)).status).toBe(201)

    const refused = await join('203.0.113.7', 'One too many')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(await refused.json()).toEqual({ error: 'rate_limited', message: 'too many joins from your address: try again in 1 s' })
    expect(await members()).toBe(before + JOINS_PER_ADDRESS.burst)

    // Someone elsewhere is not held up by that address.
    expect((await join('198.51.100.20', 'Elsewhere')).status).toBe(201)
    clock.t += 1000
    expect((await join('203.0.113.7', 'A second later')).status).toBe(201)
  })

  it('does not limit the server’s own machine, which is all a proxy’s clients look like without TRUST_PROXY', async () => {
    const { join } = await world()
    for (let i = 0; i < JOINS_PER_ADDRESS.burst + 5; i++) expect((await join(null, `Local ${i}`)).status).toBe(201)
  })
})
