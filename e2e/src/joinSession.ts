import type { Page } from 'playwright-core'
import { SESSION_TITLE } from './createSession'

/** A city as a participant gives it when joining. */
export interface JoiningCity {
  name: string
  kind: 'pilot' | 'twin'
}

/** Someone opens an invitation link and joins with a name (and a city, for participants); resolves once the session shows. */
export async function joinSession(page: Page, link: string, name: string, city?: JoiningCity): Promise<void> {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  if (city) {
    await page.getByLabel('Your city').fill(city.name)
    await page.getByLabel(`a ${city.kind} city`).check()
  }
  await page.getByRole('button', { name: 'Join the session' }).click()
  await page.getByRole('heading', { name: SESSION_TITLE }).waitFor()
}
