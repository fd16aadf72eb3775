import type { Invite } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import { newToken } from './tokens'

/**
 * A session's invitations with its stage link, which sessions created before stage links existed
 * get the first time a facilitator's screen asks for the links.
 */
export async function invitesWithStageLink(storage: Storage, sessionId: string, now: number): Promise<Invite[]> {
  const invites = await storage.listInvites(sessionId)
  if (invites.some((i) => i.role === 'stage')) return invites
  const stage: Invite = { token: newToken(), sessionId, role: 'stage', createdAt: now }
  await storage.replaceInvite(stage)
  return [...invites, stage]
}
