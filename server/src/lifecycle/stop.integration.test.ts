import { afterAll, describe, expect, it } from 'vitest'
import type { JoinResult } from '@harvest/shared'
import { BOARD_CLOSE, addCard } from '@harvest/shared'
import { createSession, joinAs } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { isSynced, openReconnectingSocket, openWatchedBoard } from '../testing/reconnectingClients'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

const CLIENTS = 50
const WRITERS = 10
/** The promise: a stop takes under 5 s whatever is connected. */
const STOP_WITHIN_MS = 5_000

describe('a graceful stop of the real server process', () => {
  afterAll(disposeAll)

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal} with ${CLIENTS} clients, exits 0 within 5 s; boards hear 1012; after a restart everyone reconnects by themselves and resyncs`, async () => {
      const dataDir = tempDir()
      const first = await spawnServer(dataDir)
      const created = await createSession(first.url)
      const writers: JoinResult[] = []
      for (let i = 0; i < WRITERS; i++) writers.push(await joinAs(first.url, created, 'participant', { name: `Writer ${i}` }))
      const tokenOf = (i: number) => writers[i % WRITERS]!.memberToken

      const sockets = Array.from({ length: CLIENTS }, (_, i) => openReconnectingSocket(first.url, tokenOf(i)))
      const boards = Array.from({ length: CLIENTS }, (_, i) => openWatchedBoard(first.url, created.session.id, tokenOf(i)))
      await waitFor(() => sockets.every((s) => s.welcomes.length === 1) && boards.every(isSynced), 30_000, 'every client connected').catch((e) => {
        throw new Error(`${e.message}: ${sockets.filter((s) => s.welcomes.length === 1).length} sockets, ${boards.filter(isSynced).length} boards\n${first.output()}`)
      })
      writers.forEach((writer, i) => addCard(boards[i]!.doc, cardBy(writer.member, `before-${i}`)))
      await waitFor(() => boards.every((b) => cardIds(b.doc).length === WRITERS), 20_000, 'every card everywhere')

      const stopStarted = performance.now()
      await first.kill(signal)
      const exit = await first.exited
      const stopMs = Math.round(performance.now() - stopStarted)
      console.log(`[stop] ${signal} with ${CLIENTS} socket.io and ${CLIENTS} board clients: exited ${exit.code} after ${stopMs} ms`)
      expect(exit).toEqual({ code: 0, signal: null })
      expect(stopMs).toBeLessThan(STOP_WITHIN_MS)
      expect(first.output()).toMatch(/stopped in \d+ ms/)
      await waitFor(() => boards.every((b) => b.closeCodes.includes(BOARD_CLOSE.restarting.code)), 5_000, 'every board heard 1012')
      // Went away with the transport, the case in which socket.io-client retries on its own.
      await waitFor(() => sockets.every((s) => s.disconnects.length === 1), 5_000, 'every socket disconnected')
      expect(new Set(sockets.flatMap((s) => s.disconnects))).toEqual(new Set(['transport close']))
      expect(sockets.every((s) => s.restartNotices === 1)).toBe(true)

      const second = await spawnServer(dataDir, 30_000, { port: first.port })
      const reconnectStarted = performance.now()
      await waitFor(() => sockets.every((s) => s.welcomes.length === 2) && boards.every(isSynced), 30_000, 'every client back')
      console.log(`[stop] all ${CLIENTS * 2} clients reconnected ${Math.round(performance.now() - reconnectStarted)} ms after the restart`)
      for (const board of boards) expect(cardIds(board.doc).sort()).toEqual(writers.map((_, i) => `before-${i}`).sort())
      // The board is live again, not only restored: a new card reaches everybody.
      addCard(boards[0]!.doc, cardBy(writers[0]!.member, 'after'))
      await waitFor(() => boards.every((b) => cardIds(b.doc).includes('after')), 20_000, 'the new card everywhere')

      for (const s of sockets) s.socket.disconnect()
      for (const b of boards) b.provider.destroy()
      await second.kill('SIGTERM')
      expect((await second.exited).code).toBe(0)
    }, 180_000)
  }
})
