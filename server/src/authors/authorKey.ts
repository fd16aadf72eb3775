import crypto from 'node:crypto'
import type { BoardMode, Identity } from '@harvest/shared'

/**
 * When a session hides authors, cards carry an opaque key instead of the member id: other
 * browsers cannot tell who wrote a card, while the server, which can compute the key, still
 * checks that people only change their own cards.
 */
export function anonymousKey(secret: string, memberId: string): string {
  return `anon:${crypto.createHmac('sha256', secret).update(memberId).digest('base64url').slice(0, 22)}`
}

/** Every authorId that counts as this member's own. */
export function ownAuthorIds(secret: string, memberId: string): string[] {
  return [memberId, anonymousKey(secret, memberId)]
}

/** What this identity writes as authorId under the current board mode. */
export function authorKeyFor(secret: string, identity: Identity, mode: BoardMode): string | null {
  if (identity.kind !== 'member') return null
  return mode.anonymous ? anonymousKey(secret, identity.member.id) : identity.member.id
}
