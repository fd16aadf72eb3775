import { create } from 'zustand'
import type { Card } from '@harvest/shared'

/** Where the board connection stands. */
export type BoardStatus = 'connecting' | 'synced' | 'offline' | 'refused'

/** What the board shows, written only by board/boardConnection.ts. */
export interface BoardStore {
  cards: Card[]
  status: BoardStatus
  refusal: string | null
  setCards(cards: Card[]): void
  setStatus(status: BoardStatus, refusal?: string | null): void
  reset(): void
}

export const useBoardStore = create<BoardStore>()((set) => ({
  cards: [],
  status: 'connecting',
  refusal: null,
  setCards: (cards) => set({ cards }),
  setStatus: (status, refusal = null) => set({ status, refusal }),
  reset: () => set({ cards: [], status: 'connecting', refusal: null }),
}))
