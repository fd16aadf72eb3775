import type { BreakoutRound } from '@harvest/shared'
import type { ServerContext } from '../context'
import { sessionRoom } from '../context'

/** Tells the session who is in the rooms that changed, without resending the whole state. */
export function emitRoomMembers(ctx: ServerContext, sessionId: string, round: BreakoutRound, roomIds: readonly string[]): void {
  if (roomIds.length === 0) return
  const rooms = round.rooms.filter((r) => roomIds.includes(r.id)).map((r) => ({ roomId: r.id, memberIds: r.memberIds }))
  ctx.io.to(sessionRoom(sessionId)).emit('rooms:members', round.id, rooms)
}
