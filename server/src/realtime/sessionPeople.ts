import type { Member } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { presentMembers } from '../sessions/sessionState'
import type { ServerContext } from '../context'
import { sessionRoom } from '../context'

/** A member of this session, or a refusal: ids of other sessions are as unknown as made-up ones. */
export async function findSessionMember(ctx: ServerContext, sessionId: string, memberId: string): Promise<Member> {
  const member = (await ctx.storage.listMembers(sessionId)).find((m) => m.id === memberId)
  if (!member) throw new Refusal('not_found', 'this person is not in the session (they may have been removed)')
  return member
}

/** How long arrivals and departures are gathered into one announcement. */
export const PRESENCE_BATCH_MS = 150

/** Tells everyone, shortly and once for a burst, who is online now. */
export function announcePresence(ctx: ServerContext, sessionId: string): void {
  ctx.presence.batch(sessionId, PRESENCE_BATCH_MS, () => {
    broadcastMembers(ctx, sessionId).catch((error) => console.error('[socket] presence announcement failed', error))
  })
}

/** Tells everyone in the session who is in it now. */
export async function broadcastMembers(ctx: ServerContext, sessionId: string): Promise<void> {
  ctx.io.to(sessionRoom(sessionId)).emit('members:changed', await presentMembers(ctx, sessionId))
}
