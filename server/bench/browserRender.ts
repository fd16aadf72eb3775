import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'

const CHROMIUM = '/usr/bin/chromium'
const clientIndex = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url))

/**
 * First render of a big board in a real browser: from navigation to the first card on screen,
 * and until the number of cards on the page stops changing. Served by the bench's own server,
 * so the client must be built (npm run build) and Chromium installed.
 */
export async function browserRender(target: { url: string; sessionId: string; token: string }): Promise<void> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(clientIndex)) {
    console.log(`\nFirst render in a browser: skipped (needs ${CHROMIUM} and a built client: npm run build)`)
    return
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    await measure(browser, target)
  } catch (error) {
    console.log(`\nFirst render in Chromium: could not measure (${(error as Error).message.split('\n')[0]})`)
  } finally {
    await browser.close()
  }
}

async function measure(browser: Browser, target: { url: string; sessionId: string; token: string }): Promise<void> {
  {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const identity = { sessionId: target.sessionId, token: target.token, role: 'participant', name: 'Browser', title: 'Bench', savedAt: Date.now() }
    // The page keeps who you are in localStorage; this puts the bench's participant there before it loads.
    await page.addInitScript({ content: `localStorage.setItem(${JSON.stringify(`harvest:identity:${target.sessionId}`)}, ${JSON.stringify(JSON.stringify(identity))})` })
    const started = Date.now()
    await page.goto(`${target.url}/s/${target.sessionId}`)
    await page.waitForSelector('[data-card-id]', { timeout: 60_000 })
    const firstCard = Date.now() - started
    let count = -1
    let settledAt = Date.now()
    while (Date.now() - settledAt < 1000 && Date.now() - started < 60_000) {
      const now = await page.locator('[data-card-id]').count()
      if (now !== count) {
        count = now
        settledAt = Date.now()
      }
      await page.waitForTimeout(100)
    }
    const settled = settledAt - started
    console.log(`\nFirst render in Chromium: first card after ${firstCard} ms; ${count} cards on the page after ${settled} ms`)
  }
}
