import { v4 as uuid } from 'uuid'
import type { JoinResult, Member, SessionInfo } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import { hashToken, newToken } from './tokens'

/** Adds a person to a session and hands them the personal token for later connections. */
export async function addMember(
  storage: Storage,
  session: SessionInfo,
  person: Pick<Member, 'name' | 'role' | 'city' | 'cityKind'>,
  now = Date.now(),
): Promise<JoinResult> {
  const memberToken = newToken()
  const member: Member = { id: uuid(), sessionId: session.id, joinedAt: now, ...person }
  await storage.addMember({ ...member, tokenHash: hashToken(memberToken) })
  return { session, member, memberToken }
}
