import type { Page } from 'playwright-core'

/**
 * Presses Tab through the page from its top and returns the visible controls it never reached.
 * A control that is one of a roving group (radios, tabs: one stop, arrows move within) counts as
 * reached when the group's stop was. Each result is described as a person would name it.
 */
export async function unreachableByKeyboard(page: Page, maxTabs = 250): Promise<string[]> {
  const count = await page.evaluate(() => {
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<El> } }
    interface El { dataset: Record<string, string>; getClientRects(): { length: number }; closest(s: string): unknown; hasAttribute(n: string): boolean }
    const all = Array.from(g.document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]'))
    let n = 0
    for (const el of all) {
      if (el.getClientRects().length === 0 || el.hasAttribute('disabled') || el.closest('[inert], [hidden], details:not([open]) > :not(summary)')) continue
      el.dataset.kbdProbe = String(n++)
    }
    return n
  })
  await page.evaluate(() => {
    const g = globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }
    g.document.activeElement?.blur?.()
  })
  await page.mouse.click(1, 1)
  const reached = new Set<string>()
  for (let i = 0; i < maxTabs && reached.size < count; i++) {
    await page.keyboard.press('Tab')
    const probe = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { activeElement: { dataset?: Record<string, string>; closest(s: string): { querySelectorAll(s: string): ArrayLike<{ dataset: Record<string, string> }> } | null } | null } }
      const el = g.document.activeElement
      if (!el?.dataset) return []
      const group = el.closest('[role="radiogroup"], [role="tablist"]')
      const members = group ? Array.from(group.querySelectorAll('[data-kbd-probe]')).map((m) => m.dataset.kbdProbe!) : []
      return [el.dataset.kbdProbe, ...members].filter((p): p is string => p !== undefined)
    })
    for (const p of probe) reached.add(p)
  }
  return page.evaluate((seen) => {
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ dataset: Record<string, string>; tagName: string; getAttribute(n: string): string | null; textContent: string | null }> } }
    return Array.from(g.document.querySelectorAll('[data-kbd-probe]'))
      .filter((el) => !seen.includes(el.dataset.kbdProbe!))
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`)
  }, [...reached])
}
