import { commandClock } from '../control/clockOps'
import type { Handler } from '../realtime/handler'
import { controlHandler, driving } from './controlHandler'

/** Start, pause, adjust, set or reset the clock of an agenda item or a story. */
export const clockCommand = controlHandler(
  'clock:command',
  driving(({ state }, input, { now }) => {
    commandClock(state, input, now)
    return null
  }),
)

/** Answers with the server's time, so the client can measure its clock's offset. */
export const timeSync: Handler<'time:sync'> = {
  event: 'time:sync',
  async run(ctx, _socket, { clientSentAt }) {
    return { ok: true, data: { clientSentAt, serverNow: ctx.now() } }
  },
}
