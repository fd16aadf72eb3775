import type { Member } from '@harvest/shared'
import { isParticipant, roundPhase } from '@harvest/shared'
import type { ServerContext } from '../context'
import { emitRoomMembers } from './emitRooms'
import { placeArrival } from './roundOps'

/** A participant who arrives while a round is open is placed (assigned rounds) or left to choose. */
export async function arriveInRounds(ctx: ServerContext, member: Member): Promise<void> {
  if (!isParticipant(member.role)) return
  const now = ctx.now()
  const { state } = await ctx.control.read(member.sessionId)
  if (!state.rounds.some((r) => roundPhase(r, now) === 'open')) return
  const changes = await ctx.control.update(
    member.sessionId,
    (draft) => draft.state.rounds.map((round) => ({ round, roomIds: placeArrival(round, member, now) })),
    { broadcast: false },
  )
  for (const { round, roomIds } of changes) emitRoomMembers(ctx, member.sessionId, round, roomIds)
}
