import { create } from 'zustand'
import type { Card, Pattern } from '@harvest/shared'
import type { PresenceEntry } from '../board/presenceList'

/** Where the board connection stands. */
export type BoardStatus = 'connecting' | 'synced' | 'offline' | 'refused'

/** What the board shows, written only by the modules in board/ that own the Yjs document and its presence. */
export interface BoardStore {
  cards: Card[]
  patterns: Pattern[]
  status: BoardStatus
  /** Why the board refused this connection for good, in the server's words. */
  refusal: string | null
  /** Everyone else on the board right now (Yjs awareness). */
  others: PresenceEntry[]
  canUndo: boolean
  canRedo: boolean
  setContent(cards: Card[], patterns: Pattern[]): void
  setStatus(status: BoardStatus, refusal?: string | null): void
  setOthers(others: PresenceEntry[]): void
  setUndo(canUndo: boolean, canRedo: boolean): void
  reset(): void
}

const empty = { cards: [], patterns: [], status: 'connecting' as const, refusal: null, others: [], canUndo: false, canRedo: false }

export const useBoardStore = create<BoardStore>()((set) => ({
  ...empty,
  setContent: (cards, patterns) => set({ cards, patterns }),
  setStatus: (status, refusal = null) => set({ status, refusal }),
  setOthers: (others) => set({ others }),
  setUndo: (canUndo, canRedo) => set((s) => (s.canUndo === canUndo && s.canRedo === canRedo ? s : { canUndo, canRedo })),
  reset: () => set(empty),
}))
