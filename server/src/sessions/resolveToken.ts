import type { Identity } from '@harvest/shared'
import { isJoinInvite, tokenSchema } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import { publicMember } from '../storage/Storage'
import { invitePrincipal, memberPrincipal } from '../realtime/Connections'
import { hashToken } from './tokens'

/** Why a token was refused, in words a person can act on. */
export type TokenRefusal = 'missing or malformed token' | 'unknown or revoked token'

/**
 * Finds who holds a token: a member's personal token identifies that person with their
 * current role; an invitation token alone makes a guest of the invitation's role.
 */
export async function resolveToken(
  storage: Storage,
  raw: unknown,
): Promise<{ ok: true; identity: Identity; principal: string } | { ok: false; reason: TokenRefusal }> {
  const token = tokenSchema.safeParse(raw)
  if (!token.success) return { ok: false, reason: 'missing or malformed token' }
  const member = await storage.findMemberByTokenHash(hashToken(token.data))
  if (member) {
    return {
      ok: true,
      identity: { kind: 'member', sessionId: member.sessionId, role: member.role, member: publicMember(member) },
      principal: memberPrincipal(member.id),
    }
  }
  const invite = await storage.findInvite(token.data)
  if (invite) {
    // The stage link watches read-only, as an observer who gave no name does.
    const role = isJoinInvite(invite) ? invite.role : 'observer'
    return { ok: true, identity: { kind: 'guest', sessionId: invite.sessionId, role }, principal: invitePrincipal(invite.token) }
  }
  return { ok: false, reason: 'unknown or revoked token' }
}
