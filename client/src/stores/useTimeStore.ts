import { create } from 'zustand'

/** How this screen's clock relates to the server's, written only by socket.ts. */
export interface TimeStore {
  /** Add to Date.now() to get the server's time. */
  offsetMs: number
  /** Round trip of the best measurement; Infinity while only a first guess is known. */
  rttMs: number
  setOffset(offsetMs: number, rttMs: number): void
}

export const useTimeStore = create<TimeStore>()((set) => ({
  offsetMs: 0,
  rttMs: Number.POSITIVE_INFINITY,
  setOffset: (offsetMs, rttMs) => set({ offsetMs, rttMs }),
}))

/** This screen's best estimate of the server's clock now. Every countdown reads this, never a local counter. */
export function serverNow(): number {
  return Date.now() + useTimeStore.getState().offsetMs
}
