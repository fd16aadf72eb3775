import type { CityKind } from './roles'

/** How people get into rooms: placed by the facilitator, or choosing themselves (open space). */
export type RoundMode = 'assigned' | 'open_space'

/** A breakout room of one round. */
export interface Room {
  id: string
  /** The room's name, or the open-space topic it was opened for. */
  name: string
  topic: string
  hostId: string | null
  harvesterId: string | null
  /** The room's video call (validated http/https); opened in a new tab. */
  link: string | null
  capacity: number | null
  memberIds: string[]
  /** Extra time for this room only, on top of the round's clock. */
  extraMs: number
  /** A participant called for a facilitator. */
  help: { by: string; at: number } | null
}

/** An open-space topic proposed by a participant. */
export interface Topic {
  id: string
  title: string
  line: string
  proposerId: string
  interested: string[]
  /** The room it was opened as, once opened. */
  roomId: string | null
}

/** One round of breakouts, attached to an agenda item of kind "breakout". */
export interface BreakoutRound {
  id: string
  itemId: string
  mode: RoundMode
  /** planned → open → closing (countdown) → closed; closing turns closed by itself at closesAt. */
  status: 'planned' | 'open' | 'closing' | 'closed'
  rooms: Room[]
  topics: Topic[]
  /** Whether a proposer may open their own topic as a room. */
  proposersOpen: boolean
  /** When the closing countdown ends (server time). */
  closesAt: number | null
  /** Names or cities planned into rooms before people arrive: lower-cased key → room id. */
  planned: Record<string, string>
  /** The facilitator's message to every room, shown until each person dismisses it. */
  banner: { id: string; text: string; at: number } | null
  /** The last "one minute left" warning (server time), to show in every room. */
  warnedAt: number | null
  /**
   * One meeting link for every room without its own, `{room}` standing for the room's name
   * (see roomLink). Absent in rounds stored before it existed.
   */
  linkPattern?: string | null
}

/** A round's phase at a moment: a closing round is closed once its countdown ends. */
export function roundPhase(round: BreakoutRound, now: number): BreakoutRound['status'] {
  if (round.status === 'closing' && round.closesAt !== null && now >= round.closesAt) return 'closed'
  return round.status
}

/** The area of the board that belongs to a room of a round. */
export const roomArea = (roundId: string, roomId: string) => `room:${roundId}:${roomId}`

/** The room a member is in during a round, if any. */
export function roomOf(round: BreakoutRound, memberId: string): Room | null {
  return round.rooms.find((room) => room.memberIds.includes(memberId)) ?? null
}

/**
 * A name for a room filled automatically that says who is in it: its number, then its cities,
 * most people first ("Room 3 · Galway, Leuven +2"), so a facilitator finds a room by its people.
 */
export function describedRoomName(n: number, cities: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const city of cities.map((c) => c.trim()).filter(Boolean)) counts.set(city, (counts.get(city) ?? 0) + 1)
  const named = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([city]) => city)
  if (named.length === 0) return `Room ${n}`
  const shown = named.slice(0, 2).join(', ')
  return `Room ${n} · ${shown}${named.length > 2 ? ` +${named.length - 2}` : ''}`
}

/** Someone to spread over rooms. */
export interface Spreadable {
  id: string
  city: string
  cityKind: CityKind | null
}

/** Options of the automatic spread. */
export interface SpreadOptions {
  /** Into this many rooms, or rooms of about this many people. */
  by: { rooms: number } | { size: number }
  /** Put pilot and twin cities in every room where numbers allow. */
  mixKinds: boolean
  /** People of the same city: in one room, in different rooms, or no rule. */
  sameCity: 'together' | 'apart' | 'any'
}
