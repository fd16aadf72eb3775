import { Refusal } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { sessionSockets } from '../realtime/broadcast'
import { authorKeyFor } from '../authors/authorKey'
import { controlHandler } from './controlHandler'

/**
 * Private writing and anonymous cards. Switching anonymity changes what everyone writes as
 * their cards' author, so each connection is told its new author key.
 */
export const boardMode: Handler<'board:mode'> = {
  event: 'board:mode',
  async run(ctx, socket, patch) {
    const result = await controlHandler('board:mode', ({ state }, input) => {
      state.boardMode = { ...state.boardMode, ...input }
      return null
    }).run(ctx, socket, patch)
    if (patch.anonymous !== undefined) {
      const { state } = await ctx.control.read(socket.data.identity.sessionId)
      const secret = await ctx.secret()
      for (const s of await sessionSockets(ctx, socket.data.identity.sessionId, (s) => s.data.identity.kind === 'member')) {
        const identity = s.data.identity
        s.emit('you:changed', {
          role: identity.role,
          memberId: identity.kind === 'member' ? identity.member.id : null,
          authorKey: authorKeyFor(secret, identity, state.boardMode),
        })
      }
    }
    return result
  },
}

/** "Follow me": everyone's board view follows this area until they step away. */
export const followSet = controlHandler('follow:set', ({ state }, { area }, { identity }) => {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'only a facilitator can lead the view')
  state.boardMode = { ...state.boardMode, follow: area === null ? null : { area, by: identity.member.id } }
  return null
})
