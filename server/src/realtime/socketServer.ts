import type http from 'node:http'
import { Server } from 'socket.io'
import { registerHandlers } from '../handlers'
import { resolveToken } from '../sessions/resolveToken'
import { presentMembers, sessionStateFor } from '../sessions/sessionState'
import type { Storage } from '../storage/Storage'
import type { IoServer, IoSocket, ServerContext } from './context'
import { sessionRoom } from './context'
import { Presence } from './Presence'

/** Attaches socket.io (session control) to the HTTP server; every connection shows a token. */
export function createSocketServer(httpServer: http.Server, storage: Storage, publicUrl: string): ServerContext {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    // The board endpoint shares the port; socket.io must not close upgrades meant for it.
    destroyUpgrade: false,
  })
  const ctx: ServerContext = { storage, presence: new Presence(), io, publicUrl }

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined
      const resolved = await resolveToken(storage, auth?.token)
      if (!resolved.ok) return next(Object.assign(new Error(resolved.reason), { data: { code: 'unauthorized' } }))
      socket.data.identity = resolved.identity
      next()
    } catch (error) {
      console.error('[socket] handshake failed', error)
      next(new Error('the server could not check this token'))
    }
  })

  io.on('connection', (socket) => {
    const identity = socket.data.identity
    registerHandlers(ctx, socket)
    void socket.join(sessionRoom(identity.sessionId))
    // Counted before any await, so a disconnect that races the welcome still balances it.
    const cameOnline = identity.kind === 'member' && ctx.presence.add(identity.sessionId, identity.member.id)
    socket.on('disconnect', async () => {
      const current = socket.data.identity
      if (current.kind !== 'member' || !ctx.presence.remove(current.sessionId, current.member.id)) return
      io.to(sessionRoom(current.sessionId)).emit('members:changed', await presentMembers(ctx, current.sessionId))
    })
    void welcome(ctx, socket, cameOnline)
  })

  return ctx
}

/** Sends the newcomer the whole state and tells the others someone arrived. */
async function welcome(ctx: ServerContext, socket: IoSocket, cameOnline: boolean): Promise<void> {
  const identity = socket.data.identity
  const state = await sessionStateFor(ctx, identity)
  if (!state) return void socket.disconnect(true)
  socket.emit('session:state', state)
  if (cameOnline) socket.to(sessionRoom(identity.sessionId)).emit('members:changed', state.members)
}
