import { v4 as uuid } from 'uuid'
import type { BreakoutRound, ClientPayload, ControlState, Member, Room } from '@harvest/shared'
import { BREAKOUT_LIMITS, applyClockCommand, isParticipant, roomOf, roundPhase } from '@harvest/shared'
import { Refusal, mustFind } from '../Refusal'

type RoomInput = Omit<ClientPayload<'room:add'>, 'roundId'>

/** A room with nobody in it yet. */
export function newRoom(input: RoomInput): Room {
  return { id: uuid(), ...input, memberIds: [], extraMs: 0, help: null }
}

export function findRound(control: ControlState, roundId: string): BreakoutRound {
  return mustFind(control.rounds, roundId, 'breakout round')
}

/** Refuses changes to a round that has ended. */
export function assertNotClosed(round: BreakoutRound, now: number): void {
  const phase = roundPhase(round, now)
  if (phase === 'closed' || phase === 'closing') throw new Refusal('conflict', 'this breakout round is already closed')
}

export function createRound(control: ControlState, input: ClientPayload<'round:create'>): BreakoutRound {
  const item = mustFind(control.agenda, input.itemId, 'agenda item')
  if (item.kind !== 'breakout') throw new Refusal('invalid', 'breakout rounds belong to agenda items of kind "breakout"')
  if (control.rounds.length >= BREAKOUT_LIMITS.roundsMax) throw new Refusal('invalid', `at most ${BREAKOUT_LIMITS.roundsMax} rounds per session`)
  const round: BreakoutRound = {
    id: uuid(),
    itemId: item.id,
    mode: input.mode,
    status: 'planned',
    rooms: input.rooms.map(newRoom),
    topics: [],
    proposersOpen: input.proposersOpen,
    closesAt: null,
    planned: {},
    banner: null,
    warnedAt: null,
  }
  control.rounds.push(round)
  return round
}

export function addRoom(round: BreakoutRound, input: RoomInput): Room {
  if (round.rooms.length >= BREAKOUT_LIMITS.roomsMax) throw new Refusal('invalid', `at most ${BREAKOUT_LIMITS.roomsMax} rooms per round`)
  const room = newRoom(input)
  round.rooms.push(room)
  return room
}

/** Takes a person out of whatever room they are in; returns the room they left. */
function takeOut(round: BreakoutRound, memberId: string): Room | null {
  const room = roomOf(round, memberId)
  if (room) room.memberIds = room.memberIds.filter((id) => id !== memberId)
  return room
}

/** Puts a person in a room (leaving any other); returns the ids of the rooms that changed. */
export function placeIn(round: BreakoutRound, memberId: string, room: Room | null, { checkCapacity }: { checkCapacity: boolean }): string[] {
  const previous = roomOf(round, memberId)
  if (previous === room) return []
  if (room && checkCapacity && room.capacity !== null && room.memberIds.length >= room.capacity) {
    throw new Refusal('conflict', `“${room.name}” is full (${room.capacity} of ${room.capacity}): choose another room`)
  }
  takeOut(round, memberId)
  if (room) room.memberIds.push(memberId)
  return [previous?.id, room?.id].filter((id): id is string => Boolean(id))
}

/**
 * Someone removed from the session leaves every room of the rounds still to come or running, so
 * they no longer count against a room's capacity; closed rounds keep the record of who was there.
 */
export function leaveRooms(control: ControlState, memberId: string, now: number): void {
  for (const round of control.rounds) if (roundPhase(round, now) !== 'closed') placeIn(round, memberId, null, { checkCapacity: false })
}

/** The least full room that still has space, for people placed automatically. */
export function smallestRoom(round: BreakoutRound): Room | null {
  let best: Room | null = null
  for (const room of round.rooms) {
    if (room.capacity !== null && room.memberIds.length >= room.capacity) continue
    if (!best || room.memberIds.length < best.memberIds.length) best = room
  }
  return best
}

/**
 * Where a participant goes when they arrive during an open round, or when it opens: the room
 * planned for their name or city, else (assigned rounds) the smallest room. In open space
 * they choose for themselves. Returns the changed room ids.
 */
export function placeArrival(round: BreakoutRound, member: Member, now: number): string[] {
  if (roundPhase(round, now) !== 'open' || !isParticipant(member.role) || roomOf(round, member.id)) return []
  const plannedId = round.planned[member.name.trim().toLowerCase()] ?? round.planned[member.city.trim().toLowerCase()]
  const planned = plannedId ? round.rooms.find((r) => r.id === plannedId) : undefined
  if (planned) return placeIn(round, member.id, planned, { checkCapacity: false })
  if (round.mode === 'assigned') return placeIn(round, member.id, smallestRoom(round), { checkCapacity: false })
  return []
}

/** Opens a round; only one round runs at a time. */
export function openRound(control: ControlState, round: BreakoutRound, now: number): void {
  if (round.status !== 'planned') throw new Refusal('conflict', round.status === 'open' ? 'this round is already open' : 'this breakout round is already closed')
  const running = control.rounds.find((r) => r !== round && roundPhase(r, now) === 'open')
  if (running) throw new Refusal('conflict', 'another breakout round is open: close it first')
  if (round.mode === 'assigned' && round.rooms.length === 0) throw new Refusal('invalid', 'add rooms (or spread people) before opening the round')
  round.status = 'open'
  round.closesAt = null
}

/** Starts the closing countdown; everyone is back in the plenary when it ends. */
export function closeRound(round: BreakoutRound, countdownSeconds: number, now: number): void {
  if (roundPhase(round, now) !== 'open') {
    throw new Refusal('conflict', round.status === 'planned' ? 'this round has not been opened' : 'this breakout round is already closed')
  }
  round.status = countdownSeconds > 0 ? 'closing' : 'closed'
  round.closesAt = now + countdownSeconds * 1000
}

/** More or less time: for all rooms through the agenda item's clock, or for one room. */
export function extendRound(control: ControlState, round: BreakoutRound, roomId: string | null, deltaMs: number, now: number): void {
  assertNotClosed(round, now)
  if (roomId === null) {
    const item = mustFind(control.agenda, round.itemId, 'agenda item')
    item.clock = applyClockCommand(item.clock, { op: 'adjust', deltaMs }, now)
    return
  }
  const room = mustFind(round.rooms, roomId, 'room')
  room.extraMs = Math.max(0, room.extraMs + deltaMs)
}

/** Starts a round with the groups of an earlier one (names, hosts and people). */
export function reuseGroups(round: BreakoutRound, from: BreakoutRound): void {
  if (round.status !== 'planned') throw new Refusal('conflict', 'groups can only be reused before the round opens')
  if (from.id === round.id) throw new Refusal('invalid', 'choose an earlier round')
  // Only the room's settings are copied: a fresh id, so each round keeps rooms of its own.
  round.rooms = from.rooms.map(({ name, topic, link, capacity, hostId, harvesterId, memberIds }) => ({
    ...newRoom({ name, topic, link, capacity, hostId, harvesterId }),
    memberIds: [...memberIds],
  }))
}
