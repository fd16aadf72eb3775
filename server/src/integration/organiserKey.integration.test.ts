import { afterAll, describe, expect, it } from 'vitest'
import { disposeAll } from '../testing/cleanup'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

const listStatus = async (url: string, key?: string) =>
  (await fetch(`${url}/api/sessions`, { headers: key ? { authorization: `Bearer ${key}` } : {} })).status

describe('the generated organiser key', () => {
  afterAll(disposeAll)

  it('is printed once with the admin link at the first start, and still opens the list after a restart', async () => {
    const dataDir = tempDir()
    const first = await spawnServer(dataDir)
    const key = await waitFor(() => /\/admin#key=([A-Za-z0-9_-]{43})\n/.exec(first.output())?.[1], 10_000, 'the admin link printed')
    // Printed in the admin link alone, nowhere else in the log.
    expect(first.output().split(key)).toHaveLength(2)
    expect(await listStatus(first.url, key)).toBe(200)
    expect(await listStatus(first.url)).toBe(401)
    await first.kill('SIGTERM')

    const second = await spawnServer(dataDir)
    // The demo's links come after the key would have been printed: once they are out, it was not.
    await waitFor(() => second.output().includes('Demo session'), 10_000, 'the demo links printed')
    expect(second.output()).not.toMatch(/admin#key=/)
    expect(await listStatus(second.url, key)).toBe(200)
    await second.kill('SIGTERM')
  })
})
