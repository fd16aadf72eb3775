import { create } from 'zustand'
import type { Invite, PeopleChanges, PresentMember, SessionState } from '@harvest/shared'
import { applyPeopleChanges } from '@harvest/shared'

/** Where the session-control connection stands, as the person should be told. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused'

/**
 * The session's people and this person's place in it: the parts of a SessionState no other store
 * owns (the control state is useControlStore's, room membership useBreakoutStore's, the vote
 * useBoardSessionStore's).
 */
export type SessionView = Pick<SessionState, 'session' | 'members' | 'you' | 'invites'>

/** Server state of the session, written only by socket.ts. */
export interface SessionStore {
  status: ConnectionStatus
  /** Why the server refused us, in its words. */
  refusal: string | null
  state: SessionView | null
  /** Bumped when this person's role changes, so the board reconnects with the new rights. */
  boardEpoch: number
  setStatus(status: ConnectionStatus, refusal?: string | null): void
  setState(state: SessionView): void
  /** Applies who arrived, changed, went on/offline or was removed to the list of the last state. */
  changePeople(changes: PeopleChanges): void
  setInvites(invites: Invite[]): void
  setYou(you: SessionState['you']): void
  reset(): void
}

export const useSessionStore = create<SessionStore>()((set) => ({
  status: 'connecting',
  refusal: null,
  state: null,
  boardEpoch: 0,
  setStatus: (status, refusal = null) => set({ status, refusal }),
  setState: ({ session, members, you, invites }) => set({ state: { session, members, you, invites } }),
  changePeople: (changes) =>
    set((s) => {
      if (!s.state) return s
      const members = applyPeopleChanges(s.state.members, changes)
      return members === s.state.members ? s : { state: { ...s.state, members } }
    }),
  setInvites: (invites) => set((s) => (s.state ? { state: { ...s.state, invites } } : s)),
  // Only a new role reopens the board (the server grants write rights when a board connection
  // opens); a new author key alone (anonymous mode switched) must not reconnect every screen.
  setYou: (you) =>
    set((s) => ({
      boardEpoch: s.state?.you.role === you.role ? s.boardEpoch : s.boardEpoch + 1,
      state: s.state ? { ...s.state, you } : s.state,
    })),
  reset: () => set({ status: 'connecting', refusal: null, state: null }),
}))

/** The member this browser is, if it has joined. */
export const selectMe = (s: SessionStore): PresentMember | null =>
  s.state?.members.find((m) => m.id === s.state?.you.memberId) ?? null
