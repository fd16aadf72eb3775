import { create } from 'zustand'
import { PLENARY_AREA } from '@harvest/shared'
import { NO_FILTER, type CardFilter } from '../board/cardFilters'

/** The parts of the board screen: the cards, the harvest document, the history (facilitators). */
export type BoardView = 'board' | 'harvest' | 'history'

/** How this person looks at the board; local to this browser, never sent anywhere but presence. */
export interface BoardViewStore {
  view: BoardView
  /** The area tab this person picked. */
  chosenArea: string
  /** Picked another tab while the facilitator leads ("follow me"). */
  steppedAway: boolean
  filter: CardFilter
  /** Order the cards by dots once the vote's results are visible. */
  byVotes: boolean
  /** Two lines per card, for scanning a large board. */
  compact: boolean
  /** The card this person is editing, for presence. */
  editing: string | null
  /** Whether this person is typing a new card, for presence. */
  writing: boolean
  setView(view: BoardView): void
  setArea(chosenArea: string, steppedAway: boolean): void
  refollow(): void
  setFilter(patch: Partial<CardFilter>): void
  clearFilter(): void
  setByVotes(byVotes: boolean): void
  setCompact(compact: boolean): void
  setEditing(editing: string | null): void
  setWriting(writing: boolean): void
}

export const useBoardViewStore = create<BoardViewStore>()((set) => ({
  view: 'board',
  chosenArea: PLENARY_AREA,
  steppedAway: false,
  filter: NO_FILTER,
  byVotes: false,
  compact: false,
  editing: null,
  writing: false,
  setView: (view) => set({ view }),
  setArea: (chosenArea, steppedAway) => set({ chosenArea, steppedAway }),
  refollow: () => set({ steppedAway: false }),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: NO_FILTER }),
  setByVotes: (byVotes) => set({ byVotes }),
  setCompact: (compact) => set({ compact }),
  setEditing: (editing) => set((s) => (s.editing === editing ? s : { editing })),
  setWriting: (writing) => set((s) => (s.writing === writing ? s : { writing })),
}))
