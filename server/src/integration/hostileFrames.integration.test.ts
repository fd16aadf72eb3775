import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_CLOSE, LIMITS, listCards, migrateBoard } from '@harvest/shared'
import { boardDocName } from '../documents/documentKinds'
import { encodeUpdate } from '../documents/protocol'
import { deepNesting, largestWithin, manyCards, overlappingDeletions } from '../fuzz/hostileUpdates'
import { createSession, joinAs } from '../testing/api'
import { serverDoc } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { openRawBoardSocket } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

describe('the server under hostile board frames', () => {
  it('answers every /api/health request while one participant sends frames built to stall it, and refuses each frame with the contract’s code', async () => {
    // The costly frames are built first: building them holds this process (the server's too)
    // for seconds, and an HTTP connection left idle over that would be closed under a request.
    const frameRoom = LIMITS.boardFrameMaxBytes - 16
    const base = new Y.Doc()
    migrateBoard(base)
    const deepest = largestWithin(frameRoom, (n) => deepNesting(base, n), 20_000)
    const mostCards = largestWithin(frameRoom, (n) => manyCards(base, n, 'someone-else', 200), 1_000)
    const costly = {
      deep: encodeUpdate(deepNesting(base, 10_000)),
      deepest: encodeUpdate(deepNesting(base, deepest)),
      cards: encodeUpdate(manyCards(base, mostCards, 'someone-else', 200)),
      over: encodeUpdate(deepNesting(base, 150_000)),
    }

    const server = await startTestServer()
    const created = await createSession(server.url)
    const sessionId = created.session.id
    const participant = await joinAs(server.url, created, 'participant', { name: 'Pat' })
    const board = await serverDoc(server.app, boardDocName(sessionId))
    const before = Y.encodeStateAsUpdate(board)
    const deletions = largestWithin(frameRoom, (n) => overlappingDeletions(board.clientID, n), 10_000)

    const refused = BOARD_CLOSE.refused.code
    const frames: Array<{ name: string; frame: Uint8Array; code: number; reason: string }> = [
      { name: 'Y.Maps nested 10,000 deep', frame: costly.deep, code: refused, reason: 'this change does not fit the board' },
      { name: 'Y.Maps nested to the frame limit', frame: costly.deepest, code: refused, reason: 'this change does not fit the board' },
      { name: 'cards under someone else’s name, up to the frame limit', frame: costly.cards, code: refused, reason: 'a new card must carry your own name' },
      {
        name: 'repeated deletion ranges over the server’s own settings',
        frame: encodeUpdate(overlappingDeletions(board.clientID, deletions)),
        code: refused,
        reason: 'the board settings are the server’s',
      },
      { name: 'a frame over the limit', frame: costly.over, code: BOARD_CLOSE.tooLarge.code, reason: BOARD_CLOSE.tooLarge.reason },
    ]
    expect(frames.slice(0, -1).every(({ frame }) => frame.byteLength <= LIMITS.boardFrameMaxBytes)).toBe(true)
    expect(frames.at(-1)!.frame.byteLength).toBeGreaterThan(LIMITS.boardFrameMaxBytes)

    // Health requests one after another for as long as frames are in flight.
    let sending = true
    const health: Array<number | string> = []
    const asking = (async () => {
      while (sending) health.push(await fetch(`${server.url}/api/health`).then((r) => r.status, (e) => String(e.cause ?? e)))
    })()

    const closes: Array<{ name: string; code: number; reason: string }> = []
    let askedWhileSending = 0
    for (const { name, frame } of frames) {
      const raw = await openRawBoardSocket(server.url, sessionId, participant.memberToken)
      const asked = health.length
      raw.ws.send(frame)
      const closed = await waitFor(() => raw.closed, 60_000, `${name} refused`)
      askedWhileSending += health.length > asked ? 1 : 0
      closes.push({ name, ...closed })
    }
    sending = false
    await asking

    expect(closes).toEqual(frames.map(({ name, code, reason }) => ({ name, code, reason })))
    expect(health.length).toBeGreaterThan(0)
    expect(health.filter((status) => status !== 200)).toEqual([])
    // Health was asked and answered between sending a frame and its refusal, for at least one frame.
    expect(askedWhileSending).toBeGreaterThan(0)
    expect(listCards(board)).toEqual([])
    expect(Y.encodeStateAsUpdate(board)).toEqual(before)
  }, 240_000)
})
