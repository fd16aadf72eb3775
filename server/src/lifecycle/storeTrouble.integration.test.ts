import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { StoreStatus } from '@harvest/shared'
import { BOARD_CLOSE, STORE_PROBLEM_MESSAGE, addCard } from '@harvest/shared'
import { createSession, inviteToken, joinAs, requestJson } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll, track } from '../testing/cleanup'
import { connectBoard, connectSocket, request, type TestBoard } from '../testing/clients'
import { openReconnectingSocket } from '../testing/reconnectingClients'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

/** A small file system of its own, so the test can fill it (tmpfs needs root; most CI runners and these machines have it). */
function mountSmallDisk(dir: string, size = '2m'): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const unmount = (dir: string) => execFileSync('umount', ['-l', dir], { stdio: 'ignore' })

const probeDir = tempDir('harvest-mount-probe-')
const canMount = mountSmallDisk(probeDir, '64k')
if (canMount) unmount(probeDir)
else console.warn('[store trouble] SKIPPED: mounting a tmpfs needs root (mount -t tmpfs); run the integration tests as root to check a full disk')

/** Writes a filler until the file system refuses: ENOSPC. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler')
  const fd = fs.openSync(filler, 'w')
  const chunk = Buffer.alloc(16 * 1024, 1)
  try {
    for (;;) fs.writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    fs.closeSync(fd)
  }
  return filler
}

const health = (url: string) => requestJson<StoreStatus>(url, 'GET', '/api/health')
const longText = (n: number) => `card ${n} `.padEnd(1_900, 'x')

describe.skipIf(!canMount)('the store in trouble: a full disk', () => {
  afterAll(disposeAll)

  it('says so in the log, on /api/health and to every screen, refuses changes with the reason, keeps what it had accepted, and recovers when space is back', async () => {
    const dataDir = tempDir('harvest-full-')
    expect(mountSmallDisk(dataDir)).toBe(true)
    track(() => unmount(dataDir))
    const server = await spawnServer(dataDir)
    const created = await createSession(server.url)
    const pat = await joinAs(server.url, created, 'participant', { name: 'Pat' })
    const fran = await connectSocket(server.url, created.memberToken)
    const notices: StoreStatus[] = []
    fran.socket.on('server:store', (status) => void notices.push(status))
    const watcher = connectBoard(server.url, created.session.id, created.memberToken)
    let writer: TestBoard = connectBoard(server.url, created.session.id, pat.memberToken)
    await Promise.all([watcher.synced(), writer.synced()])
    addCard(writer.doc, cardBy(pat.member, 'before', 'written before the disk filled up'))
    await waitFor(() => cardIds(watcher.doc).includes('before'), 5_000, 'the first card stored')
    expect((await health(server.url)).status).toBe(200)

    // Cards keep coming while the disk fills: the one whose write fails reaches nobody else (its
    // writer is told why, 4503, and sends it again) and is held; from then on the server is in trouble.
    const filler = fillDisk(dataDir)
    let n = 0
    const accepted: string[] = ['before']
    await waitFor(
      async () => {
        if ((await health(server.url)).status === 503) return true
        const id = `full-${n}`
        addCard(writer.doc, cardBy(pat.member, id, longText(n++)))
        await waitFor(() => cardIds(watcher.doc).includes(id) || writer.closes.length > 0, 5_000, `card ${id} answered`)
        if (writer.closes.length > 0) return true
        accepted.push(id)
        return false
      },
      60_000,
      'the server noticing the full disk',
    )
    const troubled = await health(server.url)
    expect(troubled.status).toBe(503)
    expect(troubled.body).toMatchObject({ ok: false, store: 'full', message: STORE_PROBLEM_MESSAGE.full })
    expect(server.output()).toContain('[store] CANNOT WRITE (full')
    await waitFor(() => notices.some((s) => !s.ok && s.store === 'full'), 5_000, 'the facilitator told')
    // A screen that connects now is told at once.
    const late = openReconnectingSocket(server.url, inviteToken(created, 'observer'))
    const lateNotices: StoreStatus[] = []
    late.socket.on('server:store', (status) => void lateNotices.push(status))
    await waitFor(() => lateNotices.some((s) => s.store === 'full'), 5_000, 'a screen connecting now told')

    // A new card is sent back before it touches the board: the writer hears why and keeps it, nobody else sees it.
    writer.provider.destroy()
    writer = connectBoard(server.url, created.session.id, pat.memberToken)
    await writer.synced()
    addCard(writer.doc, cardBy(pat.member, 'unsaved', 'sent while the disk is full'))
    await waitFor(() => writer.closes.length > 0, 5_000, 'the card sent back').catch(async (e) => {
      throw new Error(`${e.message}\n${server.output()}`)
    })
    expect(writer.closes[0]).toEqual({ code: BOARD_CLOSE.storeUnavailable.code, reason: STORE_PROBLEM_MESSAGE.full })
    expect(writer.closed).toBeNull()
    // Session control refuses with the same reason; joining too (503).
    const clock = await request(fran.socket, 'clock:command', { target: { kind: 'item', id: fran.welcome.control.agenda[0]!.id }, command: { op: 'start' } })
    expect(clock).toEqual({ ok: false, error: 'unavailable', message: STORE_PROBLEM_MESSAGE.full })
    const join = await requestJson(server.url, 'POST', '/api/join', { token: inviteToken(created, 'participant'), name: 'Late', city: 'Ghent', cityKind: 'pilot' })
    expect(join).toEqual({ status: 503, body: { error: 'unavailable', message: STORE_PROBLEM_MESSAGE.full } })
    // Reading goes on: a new screen opens the board with every accepted card.
    const reader = connectBoard(server.url, created.session.id, created.memberToken)
    await reader.synced()
    expect(cardIds(reader.doc)).toEqual(expect.arrayContaining(accepted))
    expect(cardIds(reader.doc)).not.toContain('unsaved')
    expect(cardIds(watcher.doc)).not.toContain('unsaved')

    // Space is back: the server finds out by itself, writes what it held and takes changes again;
    // the card it sent back arrives with the writer's next attempt, without anybody retyping it.
    fs.rmSync(filler)
    await waitFor(async () => (await health(server.url)).status === 200, 10_000, 'healthy again')
    await waitFor(() => notices.at(-1)?.ok === true, 5_000, 'the facilitator told it is well')
    expect(server.output()).toContain('[store] writing again')
    await waitFor(() => cardIds(watcher.doc).includes('unsaved'), 10_000, 'the card sent back, saved now')
    writer.provider.destroy()
    writer = connectBoard(server.url, created.session.id, pat.memberToken)
    await writer.synced()
    addCard(writer.doc, cardBy(pat.member, 'after', 'written once space was back'))
    await waitFor(() => cardIds(watcher.doc).includes('after'), 5_000, 'a card after recovery')
    expect(await request(fran.socket, 'clock:command', { target: { kind: 'item', id: fran.welcome.control.agenda[0]!.id }, command: { op: 'start' } })).toMatchObject({ ok: true })

    // Nothing accepted was lost, not even the change held in memory while the disk was full: a crash now keeps them all.
    await server.kill('SIGKILL')
    for (const board of [watcher, writer, reader]) board.provider.destroy()
    const again = await spawnServer(dataDir)
    const check = connectBoard(again.url, created.session.id, created.memberToken)
    await check.synced()
    expect(cardIds(check.doc)).toEqual(expect.arrayContaining([...accepted, 'unsaved', 'after']))
    check.provider.destroy()
    await again.kill('SIGTERM')
  }, 180_000)
})

describe.skipIf(!canMount)('the store in trouble: a read-only data directory', () => {
  afterAll(disposeAll)

  it('refuses to start with a message saying which directory and why, instead of running without keeping anything', async () => {
    const dataDir = tempDir('harvest-ro-')
    expect(mountSmallDisk(dataDir)).toBe(true)
    track(() => unmount(dataDir))
    execFileSync('mount', ['-o', 'remount,ro', dataDir], { stdio: 'ignore' })
    const failed = await spawnServer(dataDir).then(
      () => null,
      (error: Error) => error.message,
    )
    expect(failed).toContain(`server exited with 1`)
    expect(failed).toContain(`the data directory ${dataDir} cannot be written (it is on a read-only file system)`)
  })
})
