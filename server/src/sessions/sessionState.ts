import type { Identity, PresentMember, SessionState } from '@harvest/shared'
import { can } from '@harvest/shared'
import type { ServerContext } from '../context'
import { voteView } from '../votes/votes'
import { authorKeyFor } from '../authors/authorKey'
import { invitesWithStageLink } from './stageInvite'
import { onlineMembers } from '../realtime/broadcast'

/** The people of a session with their live presence. */
export async function presentMembers(ctx: ServerContext, sessionId: string): Promise<PresentMember[]> {
  const members = await ctx.storage.listMembers(sessionId)
  // With several processes, a person may be connected to any of them. When the other processes
  // do not answer in time, this process' own view stands in: a newcomer still gets the session.
  const online = ctx.bus.clustered ? await onlineMembers(ctx, sessionId).catch(logUnanswered) : null
  // Object.assign, not `{ ...m, online }`: on Node 20, copies that a spread adds a property to,
  // of objects JSON.parse made, outlive young collections; with one list of everyone per
  // arrival, that grew the heap by some 100 KB per participant while a session filled.
  return members.map((m) => Object.assign({}, m, { online: online ? online.has(m.id) : ctx.presence.isOnline(sessionId, m.id) }))
}

/** The snapshot one connection may see: invitation links only for those allowed to share them. */
export async function sessionStateFor(ctx: ServerContext, identity: Identity): Promise<SessionState | null> {
  const session = await ctx.storage.getSession(identity.sessionId)
  if (!session) return null
  const invites = can(identity.role, 'invites:read') ? await invitesWithStageLink(ctx.storage, session.id, ctx.now()) : null
  const record = await ctx.control.read(session.id)
  const control = record.state
  return {
    session,
    members: await presentMembers(ctx, session.id),
    you: {
      role: identity.role,
      memberId: identity.kind === 'member' ? identity.member.id : null,
      authorKey: authorKeyFor(await ctx.secret(), identity, control.boardMode),
    },
    invites,
    control,
    serverNow: ctx.now(),
    vote: record.vote ? voteView(record.vote, identity.kind === 'member' ? identity.member.id : null) : null,
  }
}

function logUnanswered(error: unknown): null {
  console.error(`[socket] who is online on the other processes went unanswered; showing this process' view: ${error instanceof Error ? error.message : error}`)
  return null
}
