import { create } from 'zustand'
import type { ControlState } from '@harvest/shared'

/**
 * The agenda, stories, clocks, rounds and lead as the server last sent them; written only by
 * socket.ts. Who is in which room changes without a new control state: read it from
 * useBreakoutStore, never from the rooms here.
 */
export interface ControlStore {
  control: ControlState | null
  setControl(control: ControlState): void
  reset(): void
}

export const useControlStore = create<ControlStore>()((set) => ({
  control: null,
  setControl: (control) => set({ control }),
  reset: () => set({ control: null }),
}))
