import type { Page } from 'playwright-core'

/** The title every journey's session is created with. */
export const SESSION_TITLE = 'Round 2: looking back, looking ahead'

/** A facilitator creates a session on the home page; resolves with its id once the console shows. */
export async function createSession(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl)
  await page.getByLabel('Session title').fill(SESSION_TITLE)
  await page.getByLabel('Cluster').fill('Cluster 4: Decarbonising the Built Environment')
  await page.getByLabel('Your name (facilitator)').fill('Ana Facilitator')
  await page.getByRole('button', { name: 'Create session' }).click()
  await page.getByRole('heading', { name: SESSION_TITLE }).waitFor()
  return new URL(page.url()).pathname.split('/')[2]!
}
