import { create } from 'zustand'
import type { BreakoutRound } from '@harvest/shared'
import { membershipFrom, mergeRoomMembers, type Membership, type RoomMembers } from '../breakouts/roomMembers'

/**
 * Who is in which breakout room, kept apart from the control state: in open space people move
 * all the time, and each move should re-render the two rooms it touched, not the whole session.
 * The one owner of room membership, written only by socket.ts; besides, what this screen
 * dismissed (the banner, the warning), written by the screen.
 */
export interface BreakoutStore {
  membership: Membership
  /** The id of the last banner this person dismissed. */
  dismissedBanner: string | null
  /** The time of the last "one minute left" warning this person dismissed. */
  dismissedWarning: number | null
  setRounds(rounds: readonly BreakoutRound[]): void
  mergeRooms(roundId: string, rooms: readonly RoomMembers[]): void
  dismissBanner(id: string): void
  dismissWarning(at: number): void
  reset(): void
}

export const useBreakoutStore = create<BreakoutStore>()((set) => ({
  membership: {},
  dismissedBanner: null,
  dismissedWarning: null,
  setRounds: (rounds) => set((s) => ({ membership: membershipFrom(rounds, s.membership) })),
  mergeRooms: (roundId, rooms) =>
    set((s) => {
      const membership = mergeRoomMembers(s.membership, roundId, rooms)
      return membership === s.membership ? s : { membership }
    }),
  dismissBanner: (id) => set({ dismissedBanner: id }),
  dismissWarning: (at) => set({ dismissedWarning: at }),
  reset: () => set({ membership: {}, dismissedBanner: null, dismissedWarning: null }),
}))

const NO_ROOMS: Readonly<Record<string, readonly string[]>> = {}
const NOBODY: readonly string[] = []

/** The people of one room, as a stable list. */
export const selectRoomMembers = (roundId: string, roomId: string) => (s: BreakoutStore) => s.membership[roundId]?.[roomId] ?? NOBODY

/** Every room of one round with its people. */
export const selectRoundMembers = (roundId: string | null) => (s: BreakoutStore) => (roundId ? (s.membership[roundId] ?? NO_ROOMS) : NO_ROOMS)
