import type { BreakoutRound } from '@harvest/shared'

/** Who is in each room: round id → room id → member ids. */
export type Membership = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>

/** One room's people as 'rooms:members' carries them. */
export interface RoomMembers {
  roomId: string
  memberIds: string[]
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i])

/**
 * Membership as a full control state tells it. Lists that did not change keep their identity,
 * so a room's view re-renders only when its own people changed.
 */
export function membershipFrom(rounds: readonly BreakoutRound[], previous: Membership): Membership {
  const next: Record<string, Record<string, readonly string[]>> = {}
  for (const round of rounds) {
    const before = previous[round.id] ?? {}
    const rooms: Record<string, readonly string[]> = {}
    for (const room of round.rooms) {
      const old = before[room.id]
      rooms[room.id] = old && sameIds(old, room.memberIds) ? old : room.memberIds
    }
    next[round.id] = rooms
  }
  return next
}

/**
 * Merges a 'rooms:members' delta: only the rooms named change, everything else keeps its
 * identity. Rooms or rounds this screen does not know yet are ignored: the full state that
 * creates them always arrives first, on the same connection.
 */
export function mergeRoomMembers(membership: Membership, roundId: string, rooms: readonly RoomMembers[]): Membership {
  const round = membership[roundId]
  if (!round) return membership
  let changed: Record<string, readonly string[]> | null = null
  for (const { roomId, memberIds } of rooms) {
    const old = round[roomId]
    if (!old || sameIds(old, memberIds)) continue
    changed ??= { ...round }
    changed[roomId] = memberIds
  }
  return changed ? { ...membership, [roundId]: changed } : membership
}

/** The room a person is in during a round, by membership, or null. */
export function roomIdOf(rooms: Readonly<Record<string, readonly string[]>> | undefined, memberId: string | null): string | null {
  if (!rooms || !memberId) return null
  for (const [roomId, ids] of Object.entries(rooms)) if (ids.includes(memberId)) return roomId
  return null
}
