import { Refusal } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { createNextRound } from '../rounds/nextRound'
import { readRecap } from '../rounds/readRecap'

/** "New session from this one": the next round's session, with this one's agenda, cities and storyteller queue. */
export const sessionNext: Handler<'session:next'> = {
  event: 'session:next',
  async run(ctx, socket, input) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name first: the new session needs its facilitator')
    const { state } = await ctx.control.read(identity.sessionId)
    const created = await createNextRound(ctx.storage, { sessionId: identity.sessionId, control: state, facilitator: identity.member }, input, ctx.now())
    if (!created) throw new Refusal('not_found', 'this session no longer exists')
    return { ok: true, data: created }
  },
}

/** The previous round's key insights of this cluster, for the recap item. */
export const recapGet: Handler<'recap:get'> = {
  event: 'recap:get',
  async run(ctx, socket) {
    const session = await ctx.storage.getSession(socket.data.identity.sessionId)
    if (!session) throw new Refusal('not_found', 'this session no longer exists')
    return { ok: true, data: await readRecap(ctx.storage, ctx.docs, session) }
  },
}
