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

/** Tells everyone, shortly and once for a burst, that this person came online or went offline. */
export function announcePresence(ctx: ServerContext, sessionId: string, memberId: string): void {
  ctx.presence.batch(sessionId, memberId, PRESENCE_BATCH_MS, (memberIds) => {
    announcePeople(ctx, sessionId, memberIds).catch((error) => console.error('[socket] presence announcement failed', error))
  })
}

/**
 * Tells everyone in the session these people's records as they are now, and who was removed.
 * Only the people named travel: the whole list is in each connection's 'session:state'.
 */
export async function announcePeople(ctx: ServerContext, sessionId: string, memberIds: Iterable<string>, removed: string[] = []): Promise<void> {
  const wanted = new Set(memberIds)
  // Read at sending time, so the last message of a burst says where each person stands now.
  const changed = wanted.size === 0 ? [] : (await presentMembers(ctx, sessionId)).filter((m) => wanted.has(m.id))
  if (changed.length === 0 && removed.length === 0) return
  ctx.io.to(sessionRoom(sessionId)).emit('people:changed', { changed, removed })
}
