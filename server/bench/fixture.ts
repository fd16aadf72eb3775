import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Member } from '@harvest/shared'
import { createApp } from '../src/app'
import { createSession } from '../src/sessions/createSession'
import { addMember } from '../src/sessions/joinSession'
import { SqliteStorage } from '../src/storage/sqlite'

;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

/** A real server on 127.0.0.1 with the embedded store in a temporary folder, and one session. */
export async function benchServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-bench-'))
  const storage = new SqliteStorage(path.join(dir, 'bench.sqlite'))
  // The built client is served too, so the browser figures load the real page.
  const app = createApp({ storage, clientDir: fileURLToPath(new URL('../../client/dist', import.meta.url)) })
  const { port } = await app.listen(0, '127.0.0.1')
  const created = await createSession(storage, { title: 'Bench', cluster: 'Bench', date: '2026-12-01', facilitatorName: 'Fran', cities: [] })
  const join = (person: Pick<Member, 'name' | 'role' | 'city' | 'cityKind'>) => addMember(storage, created.session, person)
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    app,
    storage,
    created,
    join,
    async stop() {
      await app.close()
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A board client as a browser has it: y-websocket's provider on its own document. */
export function boardClient(wsUrl: string, sessionId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsUrl}/board`, sessionId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())))
  return { doc, provider, synced, destroy: () => (provider.destroy(), doc.destroy()) }
}

/** Runs `fn` over `items` with at most `limit` at a time (connecting 300 clients at once floods the loop). */
export async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map((item, j) => fn(item, i + j)))))
  return out
}
