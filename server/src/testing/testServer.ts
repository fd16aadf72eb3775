import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp, type App, type AppOptions } from '../app'
import { MemoryStorage } from '../storage/memory'
import type { Storage } from '../storage/Storage'
import { track } from './cleanup'

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string
  app: App
  storage: Storage
  /** Closes the app, then the storage; safe to call twice. */
  stop(): Promise<void>
}

/**
 * Starts the real app on 127.0.0.1 with an OS-chosen port; stopped by `disposeAll`.
 * `now` is the server's clock: pass one the test controls to check clock arithmetic.
 */
export async function startTestServer({
  storage = new MemoryStorage(),
  now,
  showDemo,
  printer,
  adminToken,
  trustProxy,
  rateClock,
}: { storage?: Storage; now?: () => number; showDemo?: boolean; printer?: AppOptions['printer']; adminToken?: string } & Pick<AppOptions, 'trustProxy' | 'rateClock'> = {}): Promise<TestServer> {
  const app = createApp({ storage, now, showDemo, printer, adminToken, trustProxy, rateClock })
  const address = await app.listen(0, '127.0.0.1')
  let stopped: Promise<void> | null = null
  const stop = () => {
    stopped ??= (async () => {
      await app.close()
      await storage.close()
    })()
    return stopped
  }
  track(stop)
  return { url: `http://127.0.0.1:${address.port}`, app, storage, stop }
}

/** A fresh directory under the OS temp dir, removed by `disposeAll`. */
export function tempDir(prefix = 'harvest-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  track(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}
