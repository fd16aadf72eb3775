import type { Handler } from '../realtime/handler'
import { refuse } from '../realtime/handler'
import { sessionStateFor } from '../sessions/sessionState'

/** A client asks for the full current state, e.g. after it reconnects. */
export const sessionSync: Handler<'session:sync'> = {
  event: 'session:sync',
  async run(ctx, socket) {
    const state = await sessionStateFor(ctx, socket.data.identity)
    return state ? { ok: true, data: state } : refuse('not_found', 'this session no longer exists')
  },
}
