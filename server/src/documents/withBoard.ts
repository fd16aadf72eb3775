import { boardDocName } from './documentKinds'
import type { LiveDoc } from './LiveDoc'
import type { ServerContext } from '../context'


/** Runs `fn` on the session's live board, loading it if nobody has it open, and releases it after. */
export async function withBoard<T>(ctx: ServerContext, sessionId: string, fn: (live: LiveDoc) => T | Promise<T>): Promise<T> {
  const live = await ctx.docs.open(boardDocName(sessionId))
  try {
    return await fn(live)
  } finally {
    ctx.docs.release(live)
  }
}
