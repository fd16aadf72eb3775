import { BOARD_CLOSE, can } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { invitePrincipal } from '../realtime/Connections'
import type { Handler } from '../realtime/handler'
import { closeHolder, sessionSockets } from '../realtime/broadcast'
import { findSessionMember } from '../realtime/sessionPeople'
import { newToken } from '../sessions/tokens'

/** Replaces a role's invitation link; whoever holds only the old link is shown out. */
export const inviteRotate: Handler<'invite:rotate'> = {
  event: 'invite:rotate',
  async run(ctx, socket, { role }) {
    const identity = socket.data.identity
    const old = (await ctx.storage.listInvites(identity.sessionId)).find((i) => i.role === role)
    const invite = { token: newToken(), sessionId: identity.sessionId, role, createdAt: ctx.now() }
    await ctx.storage.replaceInvite(invite)
    if (old) closeHolder(ctx, invitePrincipal(old.token), 'This invitation link was replaced. Ask the facilitator for the new one.', BOARD_CLOSE.unauthorized)
    const invites = await ctx.storage.listInvites(identity.sessionId)
    for (const s of await sessionSockets(ctx, identity.sessionId, (s) => can(s.data.identity.role, 'invites:read'))) s.emit('invites:changed', invites)
    return { ok: true, data: invite }
  },
}

/**
 * Hands the lead to a co-facilitator, or takes it: any facilitator may take it in one action,
 * because the usual reason is that the lead's connection just failed.
 */
export const leadSet: Handler<'lead:set'> = {
  event: 'lead:set',
  async run(ctx, socket, { memberId }) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name first')
    const target = await findSessionMember(ctx, identity.sessionId, memberId)
    if (!can(target.role, 'session:drive')) throw new Refusal('invalid', 'the lead can only go to a facilitator')
    await ctx.control.update(identity.sessionId, ({ state }) => {
      state.leadId = memberId
    })
    return { ok: true, data: null }
  },
}
