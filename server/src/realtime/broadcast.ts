import type { RemoteSocket } from 'socket.io'
import type { ServerToClientEvents } from '@harvest/shared'
import type { ServerContext, SocketData } from '../context'
import { sessionRoom } from '../context'

/**
 * The one place messages leave for connections. Everything goes through socket.io rooms, which
 * the Redis adapter carries to every process: a session's room, and each holder's own room
 * (a member's or an invitation's), so a person's every tab is one address wherever it connected.
 * Board connections are not socket.io's: closing them is published on the cluster bus.
 */

/** The room of every connection one holder ("member:<id>" or "invite:<token>") has open. */
export const principalRoom = (principal: string) => `principal:${principal}`

/** A connection of the session on this or another process; `emit` reaches it either way. */
export type SessionSocket = RemoteSocket<ServerToClientEvents, SocketData>

/** The session's connections on every process that pass a filter, for messages not everyone may see. */
export async function sessionSockets(ctx: ServerContext, sessionId: string, keep: (socket: SessionSocket) => boolean): Promise<SessionSocket[]> {
  const all = (await ctx.io.in(sessionRoom(sessionId)).fetchSockets()) as unknown as SessionSocket[]
  return all.filter(keep)
}

/**
 * How long one cross-process answer of who is online is reused. A thousand people joining at
 * once would otherwise each ask every process about every connection (N² work over Redis, and
 * answers that time out); people's later comings and goings follow as people changes anyway.
 */
const ONLINE_REUSE_MS = 500

const onlineQueries = new WeakMap<ServerContext, Map<string, { at: number; online: Promise<Set<string>> }>>()

/** Ids of the members with a connection open on any process; one query per session at a time. */
export function onlineMembers(ctx: ServerContext, sessionId: string): Promise<Set<string>> {
  let queries = onlineQueries.get(ctx)
  if (!queries) onlineQueries.set(ctx, (queries = new Map()))
  const now = performance.now()
  const recent = queries.get(sessionId)
  if (recent && now - recent.at < ONLINE_REUSE_MS) return recent.online
  const online = queryOnlineMembers(ctx, sessionId)
  queries.set(sessionId, { at: now, online })
  // A failed query is not kept: the next one asks again.
  online.catch(() => queries.get(sessionId)?.online === online && queries.delete(sessionId))
  return online
}

async function queryOnlineMembers(ctx: ServerContext, sessionId: string): Promise<Set<string>> {
  const online = new Set<string>()
  for (const socket of await sessionSockets(ctx, sessionId, () => true)) {
    const identity = socket.data.identity
    if (identity?.kind === 'member') online.add(identity.member.id)
  }
  return online
}

/** Tells every connection of one holder, on every process, that it is out, and closes them. */
export function closeHolder(ctx: ServerContext, principal: string, message: string, board: { code: number; reason: string }): void {
  ctx.io.to(principalRoom(principal)).emit('session:removed', message)
  ctx.io.in(principalRoom(principal)).disconnectSockets(true)
  closeBoards(ctx, principal, board)
}

/** Closes the board and harvest connections of one holder on every process. */
export function closeBoards(ctx: ServerContext, principal: string, board: { code: number; reason: string }): void {
  ctx.bus.publish(BOARDS_CLOSE, principal, board.code, board.reason)
}

const BOARDS_CLOSE = 'boards:close'

/** Each process closes the board connections it holds when any process asks. */
export function listenForBoardClosing(ctx: ServerContext): void {
  ctx.bus.subscribe(BOARDS_CLOSE, (principal: string, code: number, reason: string) => {
    for (const link of ctx.boards.of(principal)) link.close(code, reason)
  })
}
