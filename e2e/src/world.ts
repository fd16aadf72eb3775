import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './server'

/** What a browser journey runs against: the real server process and one Chromium. */
export interface World {
  server: RunningServer
  browser: Browser
}

/** Starts the server and Chromium once for a test file and stops both after it. */
export function useWorld(): World {
  const world = {} as World
  beforeAll(async () => {
    world.server = await startServer()
    world.browser = await launchBrowser()
  })
  afterAll(async () => {
    await world.browser?.close()
    await world.server?.stop()
  })
  return world
}
