import { afterEach, describe, expect, it } from 'vitest'
import type { PeopleChanges } from '@harvest/shared'
import { createSession, joinAs } from '../testing/api'
import { disposeAll } from '../testing/cleanup'
import { connectSocket, request } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

describe("'people:changed'", () => {
  it('names only the people who arrived, left or were removed, and the list so kept matches the whole list the server holds', async () => {
    const { url } = await startTestServer()
    const created = await createSession(url)
    const fran = await connectSocket(url, created.memberToken)
    // Fran's own arrival is announced first; what follows is about the others.
    await waitFor(() => fran.membersChanged.length === 1, 5_000, 'Fran announced')
    const messages: PeopleChanges[] = []
    fran.socket.on('people:changed', (changes) => void messages.push(changes))

    const joined = await Promise.all(['Ana', 'Ben', 'Cleo', 'Dev', 'Eli'].map((name) => joinAs(url, created, 'participant', { name })))
    const sockets = await Promise.all(joined.map((j) => connectSocket(url, j.memberToken)))
    const newcomers = joined.map((j) => j.member.id).sort()
    const heardOnline = () => new Set(messages.flatMap((m) => m.changed.filter((p) => p.online).map((p) => p.id)))
    await waitFor(() => heardOnline().size === newcomers.length, 5_000, 'every arrival announced')
    // Each message carries the changed people only, never the whole list again.
    expect([...heardOnline()].sort()).toEqual(newcomers)
    expect(messages.flatMap((m) => m.changed).some((p) => p.id === created.member.id)).toBe(false)
    expect(messages.every((m) => m.removed.length === 0)).toBe(true)

    const [ana, ben] = joined
    const heard = messages.length
    sockets[0]!.socket.disconnect()
    await waitFor(() => messages.slice(heard).some((m) => m.changed.some((p) => p.id === ana!.member.id && !p.online)), 5_000, 'Ana offline')
    expect(messages.slice(heard).flatMap((m) => m.changed.map((p) => p.id))).toEqual([ana!.member.id])

    const beforeRemoval = messages.length
    expect(await request(fran.socket, 'member:remove', { memberId: ben!.member.id })).toMatchObject({ ok: true })
    await waitFor(() => messages.length > beforeRemoval, 5_000, 'removal announced')
    expect(messages.slice(beforeRemoval).flatMap((m) => m.removed)).toContain(ben!.member.id)

    await waitFor(() => !fran.membersChanged.at(-1)?.some((m) => m.id === ben!.member.id), 5_000, 'Ben gone from the kept list')
    const sync = await request(fran.socket, 'session:sync', {})
    if (!sync.ok) throw new Error(sync.message)
    const kept = fran.membersChanged.at(-1)!
    const byId = (list: { id: string; online: boolean; name: string }[]) => list.map((m) => [m.id, m.name, m.online]).sort()
    expect(byId(kept)).toEqual(byId(sync.data.members))

    // Whoever connects again gets the whole list in the welcome.
    const again = await connectSocket(url, created.memberToken)
    expect(byId(again.welcome.members)).toEqual(byId(sync.data.members))
  })
})
