import type { AgendaItem, BreakoutRound, Card, Clock, PresentMember } from '@harvest/shared'
import { isParticipant, roomArea, roundPhase } from '@harvest/shared'

/** The round people are in now: open, or counting down to close. One runs at a time. */
export function liveRound(rounds: readonly BreakoutRound[], now: number): BreakoutRound | null {
  return rounds.find((r) => {
    const phase = roundPhase(r, now)
    return phase === 'open' || phase === 'closing'
  }) ?? null
}

/** The rounds of one agenda item, oldest first. */
export const roundsOf = (rounds: readonly BreakoutRound[], itemId: string | null) => rounds.filter((r) => r.itemId === itemId)

/** "Round 2": a round's place among all rounds of the session. */
export function roundName(rounds: readonly BreakoutRound[], round: BreakoutRound): string {
  return `Round ${rounds.indexOf(round) + 1}`
}

/** A room's clock: the breakout item's clock plus the time added for this room only. */
export function roomClock(item: Pick<AgendaItem, 'clock'>, extraMs: number): Clock {
  return extraMs === 0 ? item.clock : { ...item.clock, durationMs: item.clock.durationMs + extraMs }
}

/** Participants online and in no room of the round: to be placed, or still choosing. */
export function unassigned(members: readonly PresentMember[], rooms: Readonly<Record<string, readonly string[]>> | undefined): PresentMember[] {
  const placed = new Set(Object.values(rooms ?? {}).flat())
  return members.filter((m) => isParticipant(m.role) && m.online && !placed.has(m.id))
}

/** How many cards each area holds. */
export function cardsPerArea(cards: readonly Card[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const card of cards) counts.set(card.area, (counts.get(card.area) ?? 0) + 1)
  return counts
}

/** How many cards each room of a round has written, by room id. */
export function cardsPerRoom(round: BreakoutRound, perArea: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(round.rooms.map((room) => [room.id, perArea.get(roomArea(round.id, room.id)) ?? 0]))
}

/** Seats left in a room, or null when it has no capacity. */
export const seatsLeft = (capacity: number | null, people: number) => (capacity === null ? null : Math.max(0, capacity - people))

/** The "one minute left" warning shows for two minutes after it was sent, unless dismissed. */
export const WARNING_SHOWN_MS = 120_000

export function showWarning(warnedAt: number | null, dismissedAt: number | null, now: number): boolean {
  return warnedAt !== null && warnedAt !== dismissedAt && now - warnedAt < WARNING_SHOWN_MS
}
