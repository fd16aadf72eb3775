import { afterEach, describe, expect, it } from 'vitest'
import { createSession, inviteToken, joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request, type TestSocket } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** A facilitator and a participant (Pat, from Ghent, a pilot city), both connected. */
async function sessionWithPat() {
  const server = await startTestServer()
  const created = await createSession(server.url)
  const pat = await joinAs(server.url, created, 'participant', { name: 'Pat', city: 'Ghent', cityKind: 'pilot' })
  const facilitator = await connectSocket(server.url, created.memberToken)
  const patSocket = await connectSocket(server.url, pat.memberToken)
  // Pat's arrival is announced first; later tests look only at what comes after.
  await waitFor(() => facilitator.membersChanged.length === 1, 5_000, 'arrival announced')
  return { ...server, created, pat, facilitator, patSocket }
}

/** What the server now says about a member, asked fresh through 'session:sync'. */
async function memberAsStored(from: TestSocket, memberId: string) {
  const state = await request(from.socket, 'session:sync', {})
  if (!state.ok) throw new Error(`session:sync refused: ${state.message}`)
  return state.data.members.find((m) => m.id === memberId)
}

describe("'member:update'", () => {
  it('renames a member, answers with the new record and tells everyone', async () => {
    const { pat, facilitator, patSocket } = await sessionWithPat()

    const ack = await request(patSocket.socket, 'member:update', { name: '  Pat from Ghent  ' })
    expect(ack).toEqual({ ok: true, data: { ...pat.member, name: 'Pat from Ghent' } })

    const seenByFacilitator = await waitFor(() => facilitator.membersChanged[1], 5_000, 'people:changed')
    expect(seenByFacilitator.find((m) => m.id === pat.member.id)).toMatchObject({ name: 'Pat from Ghent', online: true })
    await waitFor(() => patSocket.membersChanged.length >= 1, 5_000, 'sender is told too')
    expect(patSocket.membersChanged.at(-1)?.find((m) => m.id === pat.member.id)?.name).toBe('Pat from Ghent')
    expect(await memberAsStored(facilitator, pat.member.id)).toMatchObject({ name: 'Pat from Ghent' })
  })

  it('lets a participant move to a twin city', async () => {
    const { pat, facilitator, patSocket } = await sessionWithPat()
    const ack = await request(patSocket.socket, 'member:update', { city: 'Braga', cityKind: 'twin' })
    expect(ack.ok).toBe(true)
    expect(await memberAsStored(facilitator, pat.member.id)).toMatchObject({ city: 'Braga', cityKind: 'twin', name: 'Pat' })
  })

  it('keeps the rename after reconnecting with the same token', async () => {
    const { url, pat, patSocket } = await sessionWithPat()
    expect((await request(patSocket.socket, 'member:update', { name: 'Renamed' })).ok).toBe(true)
    patSocket.socket.disconnect()
    const again = await connectSocket(url, pat.memberToken)
    expect(again.welcome.members.find((m) => m.id === pat.member.id)?.name).toBe('Renamed')
  })

  it.each([
    ['an empty name', { name: '' }],
    ['an unknown field', { evil: 1 }],
    ['a role change', { role: 'facilitator' }],
    ['an empty patch', {}],
    ['a string', 'Pat the Great'],
    ['null', null],
    ['a name over the limit', { name: 'n'.repeat(81) }],
  ])('refuses %s as invalid and changes nothing', async (_, payload) => {
    const { pat, facilitator, patSocket } = await sessionWithPat()
    const ack = await request(patSocket.socket, 'member:update', payload)
    expect(ack).toMatchObject({ ok: false, error: 'invalid' })
    expect(ack.ok ? '' : ack.message).not.toBe('')
    expect(await memberAsStored(facilitator, pat.member.id)).toMatchObject({ name: 'Pat', role: 'participant', city: 'Ghent' })
    expect(facilitator.membersChanged).toHaveLength(1)
  })

  it('survives events sent without an acknowledgement callback', async () => {
    const { pat, facilitator, patSocket } = await sessionWithPat()
    const loose = patSocket.socket as unknown as { emit(event: string, ...args: unknown[]): void }
    loose.emit('member:update', { evil: 1 })
    loose.emit('member:update', 'not an object')
    loose.emit('member:update')
    loose.emit('session:sync')
    loose.emit('no:such:event', { x: 1 })
    // A valid update without a callback is still applied.
    loose.emit('member:update', { name: 'No callback' })

    await waitFor(() => facilitator.membersChanged.length === 2, 5_000, 'valid update broadcast')
    expect(await memberAsStored(patSocket, pat.member.id)).toMatchObject({ name: 'No callback' })
    expect(patSocket.socket.connected).toBe(true)
  })

  it('the server keeps answering after invalid payloads', async () => {
    const { created, patSocket } = await sessionWithPat()
    for (const payload of [{ name: '' }, { evil: 1 }, 'string', 42, [], { name: { first: 'Pat' } }]) {
      expect((await request(patSocket.socket, 'member:update', payload)).ok).toBe(false)
    }
    const state = await request(patSocket.socket, 'session:sync', {})
    expect(state.ok && state.data.session.id).toBe(created.session.id)
  })

  it('refuses a guest holding only an invitation: forbidden', async () => {
    const { url, created, facilitator } = await sessionWithPat()
    const guest = await connectSocket(url, inviteToken(created, 'participant'))
    const ack = await request(guest.socket, 'member:update', { name: 'Guest' })
    expect(ack).toMatchObject({ ok: false, error: 'forbidden' })
    const state = await request(facilitator.socket, 'session:sync', {})
    expect(state.ok && state.data.members.map((m) => m.name)).not.toContain('Guest')
  })

  it('a participant cannot clear their city or their pilot/twin status', async () => {
    const { pat, facilitator, patSocket } = await sessionWithPat()
    for (const patch of [{ city: '' }, { city: '   ' }, { cityKind: null }, { name: 'Pat', city: '' }]) {
      const ack = await request(patSocket.socket, 'member:update', patch)
      expect(ack).toMatchObject({ ok: false, error: 'invalid' })
    }
    expect(await memberAsStored(facilitator, pat.member.id)).toMatchObject({ name: 'Pat', city: 'Ghent', cityKind: 'pilot' })
    expect(facilitator.membersChanged).toHaveLength(1)
  })

  it('a facilitator may leave their city empty', async () => {
    const { created, facilitator } = await sessionWithPat()
    expect((await request(facilitator.socket, 'member:update', { city: 'Ghent' })).ok).toBe(true)
    const ack = await request(facilitator.socket, 'member:update', { city: '' })
    expect(ack).toMatchObject({ ok: true, data: { id: created.member.id, city: '' } })
  })

  it('only changes the sender: another member with the same name stays as they were', async () => {
    const { url, created, facilitator, patSocket } = await sessionWithPat()
    const other = await joinAs(url, created, 'participant', { name: 'Pat', city: 'Braga', cityKind: 'twin' })
    expect((await request(patSocket.socket, 'member:update', { name: 'Pat G.' })).ok).toBe(true)
    expect(await memberAsStored(facilitator, other.member.id)).toMatchObject({ name: 'Pat', city: 'Braga' })
  })
})

describe("'session:sync'", () => {
  it('answers with the same state the welcome gave', async () => {
    const { patSocket } = await sessionWithPat()
    const state = await request(patSocket.socket, 'session:sync', {})
    expect(state.ok).toBe(true)
    if (!state.ok) return
    expect(state.data.session).toEqual(patSocket.welcome.session)
    expect(state.data.you).toEqual(patSocket.welcome.you)
    expect(state.data.invites).toBeNull()
  })

  it('refuses a payload with extra keys', async () => {
    const { patSocket } = await sessionWithPat()
    expect(await request(patSocket.socket, 'session:sync', { all: true })).toMatchObject({ ok: false, error: 'invalid' })
  })
})

describe('a flood of events', () => {
  it('is refused past a burst on that connection alone; the others, and the flooder after a pause, are served', async () => {
    const { facilitator, patSocket } = await sessionWithPat()
    const replies = await Promise.all(Array.from({ length: 300 }, () => request(patSocket.socket, 'session:sync', {})))
    const refused = replies.filter((r) => !r.ok)
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(120)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0]).toEqual({ ok: false, error: 'rate_limited', message: 'too many requests at once: wait a moment and try again' })

    expect((await request(facilitator.socket, 'session:sync', {})).ok).toBe(true)
    await waitFor(async () => (await request(patSocket.socket, 'session:sync', {})).ok, 5_000, 'served again after a pause')
  })
})

describe('the acknowledgement callback', () => {
  /** Emits with any arguments and resolves with what the server acknowledged (or fails after a while). */
  const emitRaw = (socket: TestSocket['socket'], event: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no acknowledgement of ${event}`)), 2_000)
      ;(socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args, (reply: unknown) => {
        clearTimeout(timer)
        resolve(reply)
      })
    })

  it('is answered when it is the only argument: the missing payload is refused as invalid', async () => {
    const { patSocket } = await sessionWithPat()
    expect(await emitRaw(patSocket.socket, 'session:sync')).toMatchObject({ ok: false, error: 'invalid' })
  })

  it('is answered when something extra comes before it: the first argument is the payload', async () => {
    const { patSocket } = await sessionWithPat()
    expect(await emitRaw(patSocket.socket, 'session:sync', {}, 'extra')).toMatchObject({ ok: true, data: { you: patSocket.welcome.you } })
    expect(await emitRaw(patSocket.socket, 'agenda:remove', { id: 'x' }, 1, 2)).toMatchObject({ ok: false, error: 'forbidden' })
  })
})
