import type { ServerContext, IoSocket } from '../realtime/context'
import { register } from '../realtime/handler'
import { memberUpdate } from './memberUpdate'
import { sessionSync } from './sessionSync'

/** Binds every client event handler to a freshly connected socket. */
export function registerHandlers(ctx: ServerContext, socket: IoSocket): void {
  register(ctx, socket, sessionSync)
  register(ctx, socket, memberUpdate)
}
