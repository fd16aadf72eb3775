import crypto from 'node:crypto'
import type { Storage } from '../storage/Storage'

const KEY = 'authorSecret'

/**
 * The server's own secret for anonymous author keys, created once and kept in the store so
 * the keys stay the same across restarts (and across servers sharing a store).
 */
export function serverSecret(storage: Storage): () => Promise<string> {
  let pending: Promise<string> | null = null
  return () =>
    (pending ??= (async () => {
      const existing = await storage.getMeta(KEY)
      if (existing) return existing
      // Two processes starting at once over one store both end up with the first one's secret.
      return storage.setMetaIfAbsent(KEY, crypto.randomBytes(32).toString('base64url'))
    })())
}
