import type { Page } from 'playwright-core'

/** What the browser refused under the page's Content Security Policy, as a failure should read it. */
export interface CspWatch {
  /** Every violation so far, on every page load and in every frame (the report frame too). */
  violations(): string[]
}

/**
 * Starts listening for Content Security Policy violations on a page, before it loads anything:
 * the `securitypolicyviolation` events of every document it shows, and the console errors
 * Chromium prints for them (which also cover frames where scripts do not run).
 */
export async function watchCsp(page: Page): Promise<CspWatch> {
  const found: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) found.push(`console: ${message.text()}`)
  })
  await page.exposeFunction('__harvestCspViolation', (text: string) => void found.push(`event: ${text}`))
  // Runs in the page; its globals are reached through globalThis, the journeys compile without the DOM types.
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string; sourceFile: string }) => void): void
      __harvestCspViolation(text: string): void
    }
    g.addEventListener('securitypolicyviolation', (e) => g.__harvestCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'})`))
  })
  return { violations: () => [...found] }
}
