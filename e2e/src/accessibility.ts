import { createRequire } from 'node:module'
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** One rule axe-core found broken, as a test failure should read it. */
export interface AccessibilityViolation {
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core on what the page shows now and returns the serious and critical violations:
 * the ones that stop someone using a screen reader, the keyboard or a projector from taking part.
 */
export async function seriousViolations(page: Page): Promise<AccessibilityViolation[]> {
  // The page's globals are reached through globalThis: the journeys compile without the DOM types.
  const loaded = await page.evaluate(() => 'axe' in globalThis)
  // Evaluated, not added as a <script>: the app's Content Security Policy rightly refuses inline scripts.
  if (!loaded) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as { axe: AxeRunner; document: unknown }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

interface AxeRunner {
  run(context: unknown, options: object): Promise<{
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>
  }>
}
