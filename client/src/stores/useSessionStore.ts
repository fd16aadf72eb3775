import { create } from 'zustand'
import type { PresentMember, SessionState } from '@harvest/shared'

/** Where the session-control connection stands, as the person should be told. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused'

/** Server state of the session, written only by socket.ts. */
export interface SessionStore {
  status: ConnectionStatus
  /** Why the server refused us, in its words. */
  refusal: string | null
  state: SessionState | null
  setStatus(status: ConnectionStatus, refusal?: string | null): void
  setState(state: SessionState): void
  setMembers(members: PresentMember[]): void
  reset(): void
}

export const useSessionStore = create<SessionStore>()((set) => ({
  status: 'connecting',
  refusal: null,
  state: null,
  setStatus: (status, refusal = null) => set({ status, refusal }),
  setState: (state) => set({ state }),
  setMembers: (members) => set((s) => (s.state ? { state: { ...s.state, members } } : s)),
  reset: () => set({ status: 'connecting', refusal: null, state: null }),
}))

/** The member this browser is, if it has joined. */
export const selectMe = (s: SessionStore): PresentMember | null =>
  s.state?.members.find((m) => m.id === s.state?.you.memberId) ?? null
