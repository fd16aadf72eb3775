import type { Member } from '@harvest/shared'
import { BOARD_CLOSE, ROLES, can } from '@harvest/shared'
import { leaveRooms } from '../breakouts/roundOps'
import { Refusal } from '../Refusal'
import { memberPrincipal } from '../realtime/Connections'
import type { ServerContext } from '../context'
import type { Handler } from '../realtime/handler'
import { announcePeople, findSessionMember } from '../realtime/sessionPeople'
import { closeHolder } from '../realtime/broadcast'
import { sessionStateFor } from '../sessions/sessionState'

/** Carries a member's new record into every connection they have open, on every server process. */
export async function refreshConnections(ctx: ServerContext, member: Member, roleChanged: boolean): Promise<void> {
  await refreshHere(ctx, member, roleChanged)
  ctx.bus.publishToOthers(MEMBER_CHANGED, member, roleChanged)
}

const MEMBER_CHANGED = 'member:changed'

/** Each process refreshes the connections it holds when another changed a member. */
export function listenForMemberChanges(ctx: ServerContext): void {
  ctx.bus.subscribe(MEMBER_CHANGED, (member: Member, roleChanged: boolean) => {
    refreshHere(ctx, member, roleChanged).catch((error) => console.error('[socket] refreshing a changed member failed', error))
  })
}

async function refreshHere(ctx: ServerContext, member: Member, roleChanged: boolean): Promise<void> {
  for (const socket of ctx.sockets.of(memberPrincipal(member.id))) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') continue
    socket.data.identity = { ...identity, role: member.role, member }
    if (!roleChanged) continue
    const state = await sessionStateFor(ctx, socket.data.identity)
    if (!state) continue
    socket.emit('you:changed', state.you)
    socket.emit('session:state', state)
  }
  // The board decides write rights and the author of new cards when a connection opens, so it
  // reconnects under the new role, name or city.
  const { code, reason } = roleChanged ? BOARD_CLOSE.roleChanged : BOARD_CLOSE.detailsChanged
  for (const link of ctx.boards.of(memberPrincipal(member.id))) link.close(code, reason)
}

const MANAGER_ROLES = ROLES.filter((r) => can(r, 'people:manage'))

export const memberSetRole: Handler<'member:setRole'> = {
  event: 'member:setRole',
  async run(ctx, socket, { memberId, role }) {
    const identity = socket.data.identity
    const member = await findSessionMember(ctx, identity.sessionId, memberId)
    if (member.role === role) return { ok: true, data: member }
    const updated: Member = { ...member, role }
    // Somebody must stay who can run the session and manage its people; the store checks and
    // writes in one step, so two facilitators demoting each other at once cannot both succeed.
    if (!(await ctx.storage.updateMemberKeepingOne(updated, MANAGER_ROLES))) {
      throw new Refusal('conflict', 'a session keeps at least one facilitator: make someone else facilitator first')
    }
    await ctx.control.update(identity.sessionId, ({ state }) => {
      if (state.leadId === memberId && !can(role, 'session:drive')) state.leadId = null
    })
    await refreshConnections(ctx, updated, true)
    await announcePeople(ctx, identity.sessionId, [memberId])
    return { ok: true, data: updated }
  },
}

export const memberRename: Handler<'member:rename'> = {
  event: 'member:rename',
  async run(ctx, socket, { memberId, name }) {
    const identity = socket.data.identity
    const member = await findSessionMember(ctx, identity.sessionId, memberId)
    const updated: Member = { ...member, name }
    await ctx.storage.updateMember(updated)
    await ctx.control.update(identity.sessionId, ({ state }) => {
      for (const story of state.stories) if (story.storytellerId === memberId) story.storytellerName = name
    })
    await refreshConnections(ctx, updated, false)
    await announcePeople(ctx, identity.sessionId, [memberId])
    return { ok: true, data: updated }
  },
}

/** Removes a person: their token stops working and every connection they hold closes now. */
export const memberRemove: Handler<'member:remove'> = {
  event: 'member:remove',
  async run(ctx, socket, { memberId }) {
    const identity = socket.data.identity
    if (identity.kind === 'member' && identity.member.id === memberId) throw new Refusal('invalid', 'you cannot remove yourself')
    const member = await findSessionMember(ctx, identity.sessionId, memberId)
    await ctx.storage.removeMember(memberId)
    await ctx.control.update(identity.sessionId, ({ state }) => {
      if (state.leadId === memberId) state.leadId = null
      for (const story of state.stories) if (story.storytellerId === memberId) story.storytellerId = null
      leaveRooms(state, memberId, ctx.now())
    })
    closeHolder(ctx, memberPrincipal(memberId), 'A facilitator removed you from this session.', BOARD_CLOSE.removed)
    await announcePeople(ctx, identity.sessionId, [], [memberId])
    return { ok: true, data: null }
  },
}
