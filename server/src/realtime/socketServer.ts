import type http from 'node:http'
import type { ServerOptions } from 'socket.io'
import { Server } from 'socket.io'
import { can } from '@harvest/shared'
import { arriveInRounds } from '../breakouts/arrivals'
import { registerHandlers } from '../handlers'
import { resolveToken } from '../sessions/resolveToken'
import { sessionStateFor } from '../sessions/sessionState'
import { announcePresence } from './sessionPeople'
import { listenForBoardClosing, principalRoom } from './broadcast'
import { listenForMemberChanges } from '../handlers/people'
import type { IoServer, IoSocket, ServerContext } from '../context'
import { sessionRoom } from '../context'

/** Creates socket.io (session control) on the HTTP server, beside the board endpoint. */
export function createIo(httpServer: http.Server, options: Partial<ServerOptions> = {}): IoServer {
  return new Server(httpServer, {
    ...options,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: false },
    // The board endpoint shares the port; socket.io must not close upgrades meant for it.
    destroyUpgrade: false,
  })
}

/** Every connection shows a token; then it gets the whole state and the handlers of every event. */
export function attachSessionControl(ctx: ServerContext): void {
  const { io, storage } = ctx
  listenForBoardClosing(ctx)
  listenForMemberChanges(ctx)
  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined
      const resolved = await resolveToken(storage, auth?.token)
      if (!resolved.ok) return next(Object.assign(new Error(resolved.reason), { data: { code: 'unauthorized' } }))
      socket.data.identity = resolved.identity
      socket.data.principal = resolved.principal
      next()
    } catch (error) {
      console.error('[socket] handshake failed', error)
      next(new Error('the server could not check this token'))
    }
  })

  io.on('connection', (socket) => {
    const identity = socket.data.identity
    registerHandlers(ctx, socket)
    void socket.join([sessionRoom(identity.sessionId), principalRoom(socket.data.principal)])
    ctx.sockets.add(socket.data.principal, socket)
    // Counted before any await, so a disconnect that races the welcome still balances it.
    const cameOnline = identity.kind === 'member' && ctx.presence.add(identity.sessionId, identity.member.id)
    socket.on('disconnect', () => {
      ctx.sockets.delete(socket.data.principal, socket)
      const current = socket.data.identity
      if (current.kind !== 'member' || !ctx.presence.remove(current.sessionId, current.member.id)) return
      announcePresence(ctx, current.sessionId, current.member.id)
    })
    welcome(ctx, socket, cameOnline).catch((error) => console.error('[socket] welcome failed', error))
  })
}

/**
 * Sends the newcomer the whole state and tells the others someone arrived. Every reconnect
 * passes here too, which is how a client that was offline catches up exactly.
 */
async function welcome(ctx: ServerContext, socket: IoSocket, cameOnline: boolean): Promise<void> {
  const identity = socket.data.identity
  if (identity.kind === 'member') await arriveInRounds(ctx, identity.member)
  if (identity.kind === 'member' && can(identity.role, 'session:drive')) await leadIfNobodyDoes(ctx, identity.sessionId, identity.member.id)
  const state = await sessionStateFor(ctx, identity)
  if (!state) return void socket.disconnect(true)
  socket.emit('session:state', state)
  if (cameOnline && identity.kind === 'member') announcePresence(ctx, identity.sessionId, identity.member.id)
}

/** A session whose lead is free (the demo, or a lead who was removed) gets the first facilitator who arrives. */
async function leadIfNobodyDoes(ctx: ServerContext, sessionId: string, memberId: string): Promise<void> {
  if ((await ctx.control.read(sessionId)).state.leadId !== null) return
  await ctx.control.update(sessionId, ({ state }) => {
    state.leadId ??= memberId
  })
}
