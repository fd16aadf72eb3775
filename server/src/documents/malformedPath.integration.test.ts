import WS from 'ws'
import { BOARD_CLOSE } from '@harvest/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSession } from '../testing/api'
import { disposeAll, track } from '../testing/cleanup'
import { boardBaseUrl } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

describe('a board address that does not percent-decode', () => {
  it('is closed as naming no session of the token, final, and costs the log nothing', async () => {
    const server = await startTestServer()
    const created = await createSession(server.url)
    const logged = vi.spyOn(console, 'error')
    const ws = new WS(`${boardBaseUrl(server.url)}/%E0%A4%A?token=${created.memberToken}`)
    track(() => ws.terminate())
    let closed: { code: number; reason: string } | null = null
    ws.on('close', (code, reason) => (closed = { code, reason: reason.toString() }))
    ws.on('error', () => {})
    await waitFor(() => closed, 5_000, 'closed')
    expect(closed).toEqual(BOARD_CLOSE.wrongSession)
    expect(logged).not.toHaveBeenCalled()
  })
})
