import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { createSession } from '../testing/api'
import { disposeAll, track } from '../testing/cleanup'
import { tempDir } from '../testing/testServer'
import { MemoryStorage } from '../storage/memory'

afterEach(disposeAll)

/** The real app serving a built client (a stand-in index.html), as `npm start` runs it. */
async function appWithClient() {
  const clientDir = tempDir('harvest-client-')
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Harvest</title><script type="module" src="/assets/app.js"></script>')
  const storage = new MemoryStorage()
  const app = createApp({ storage, clientDir, printer: null })
  const address = await app.listen(0, '127.0.0.1')
  track(async () => {
    await app.close()
    await storage.close()
  })
  return { url: `http://127.0.0.1:${address.port}`, port: address.port }
}

/** GET with a chosen Host header; fetch does not let a test set it. */
function get(port: number, pathname: string, host?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: '127.0.0.1', port, path: pathname, headers: host ? { host } : {} }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end()
  })
}

const directives = (policy: string | undefined) =>
  new Map((policy ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const))

describe('security headers', () => {
  it('serves the app under a policy of its own scripts, styles and sockets, never framed', async () => {
    const { url, port } = await appWithClient()
    const page = await fetch(`${url}/join/some-invite`)
    expect(page.status).toBe(200)
    const csp = directives(page.headers.get('content-security-policy') ?? undefined)
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')?.[0]).toBe("'self'")
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
    expect(csp.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    // A server on a LAN address speaks plain http: its requests must not be upgraded.
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('x-powered-by')).toBeNull()
  })

  it('allows exactly the report’s inline stylesheet, so the in-app report frame keeps its look', async () => {
    const { url } = await appWithClient()
    const created = await createSession(url)
    const report = await fetch(`${url}/api/sessions/${created.session.id}/report.html`, { headers: { authorization: `Bearer ${created.memberToken}` } })
    expect(report.status).toBe(200)
    const html = await report.text()
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
    expect(styles).toHaveLength(1)
    const hash = `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`
    const page = await fetch(`${url}/s/${created.session.id}/report`)
    expect(directives(page.headers.get('content-security-policy') ?? undefined).get('style-src')).toContain(hash)
  })

  it('gives API answers and report files a policy that runs nothing', async () => {
    const { url } = await appWithClient()
    const created = await createSession(url)
    for (const pathname of ['/api/health', `/api/sessions/${created.session.id}/report.html?token=${created.memberToken}`, '/api/no-such-route']) {
      const res = await fetch(`${url}${pathname}`)
      const csp = directives(res.headers.get('content-security-policy') ?? undefined)
      expect(csp.get('default-src'), pathname).toEqual(["'none'"])
      expect(csp.has('script-src'), pathname).toBe(false)
      expect(csp.has('sandbox'), pathname).toBe(true)
      expect(res.headers.get('referrer-policy'), pathname).toBe('no-referrer')
    }
  })

  it('keeps a forged Host header out of the policy', async () => {
    const { port } = await appWithClient()
    const res = await get(port, '/', "evil.example; script-src 'unsafe-inline'")
    expect(res.status).toBe(200)
    const policy = String(res.headers['content-security-policy'])
    expect(policy).not.toContain('evil')
    expect(directives(policy).get('script-src')).toEqual(["'self'"])
  })
})
