import crypto from 'node:crypto'
import type { Storage } from '../storage/Storage'
import { hashToken, newToken } from '../sessions/tokens'

const HASH_KEY = 'organiserKeyHash'

/**
 * The organiser's key: it lists every session on the server and opens any of them. Set by
 * ADMIN_TOKEN, or generated once (256 random bits) and kept only as its hash, so a copy of the
 * store cannot be used to open the organiser's page. Member and invitation tokens live in their
 * own tables and are never compared here, so no session's token is ever an organiser key.
 */
export class OrganiserKey {
  private hash: Promise<string | null> | null = null

  constructor(
    private storage: Storage,
    /** ADMIN_TOKEN, when the environment sets one. */
    private configured: string | null = null,
  ) {}

  /**
   * Makes sure the server has a key. Answers the new key the one time it is generated, so the
   * caller can print it with the admin link; null when it was configured or generated before.
   */
  async ensure(): Promise<string | null> {
    if (this.configured) return null
    if (await this.storage.getMeta(HASH_KEY)) return null
    const key = newToken()
    const stored = await this.storage.setMetaIfAbsent(HASH_KEY, hashToken(key))
    this.hash = null
    // Another process sharing the store generated one first: theirs is the key.
    return stored === hashToken(key) ? key : null
  }

  /** Whether a token is the organiser's key; compared in constant time over hashes. */
  async isOrganiser(token: string | null): Promise<boolean> {
    if (!token) return false
    const expected = await this.expectedHash()
    if (!expected) return false
    const given = Buffer.from(hashToken(token), 'hex')
    const wanted = Buffer.from(expected, 'hex')
    return given.length === wanted.length && crypto.timingSafeEqual(given, wanted)
  }

  private expectedHash(): Promise<string | null> {
    if (this.configured) return Promise.resolve(hashToken(this.configured))
    return (this.hash ??= this.storage.getMeta(HASH_KEY).then((stored) => {
      // Not cached while missing: ensure() may store one later.
      if (!stored) this.hash = null
      return stored ?? null
    }))
  }
}
