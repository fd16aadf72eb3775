import { endSession, reopenSession } from '../control/endSession'
import type { Handler } from '../realtime/handler'
import { broadcastVote } from '../votes/broadcastVote'
import { controlHandler } from './controlHandler'

/** A facilitator ends the session: clocks stop, rounds and the vote close, the board turns read-only for participants. */
export const sessionEnd: Handler<'session:end'> = {
  event: 'session:end',
  async run(ctx, socket) {
    const { sessionId } = socket.data.identity
    const record = await ctx.control.update(sessionId, (draft) => {
      const voteWasOpen = draft.vote?.status === 'open'
      endSession(draft, ctx.now())
      return voteWasOpen ? draft.vote! : null
    })
    // The vote lives outside the public state, so its close travels as its own broadcast.
    if (record) await broadcastVote(ctx, sessionId, record)
    return { ok: true, data: null }
  },
}

/** A facilitator undoes the end. */
export const sessionReopen = controlHandler('session:reopen', ({ state }) => {
  reopenSession(state)
  return null
})
