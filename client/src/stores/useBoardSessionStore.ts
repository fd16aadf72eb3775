import { create } from 'zustand'
import type { Draft, VoteView } from '@harvest/shared'

/**
 * The board state the server decides (votes, private drafts), written only by socket.ts: from
 * broadcasts, and from the acknowledgements of this person's own commands.
 */
export interface BoardSessionStore {
  /** The dot vote as this person sees it, or null when none was opened. */
  vote: VoteView | null
  /** This person's private cards while private writing is on, oldest first. */
  drafts: Draft[]
  /**
   * Every authorId this person has written under in this session: their member id and each
   * anonymous key, so their cards stay theirs after the facilitator toggles anonymity.
   */
  ownKeys: string[]
  setVote(vote: VoteView | null): void
  setDrafts(drafts: Draft[]): void
  /** Adds a saved draft, or replaces the one with its id. */
  putDraft(draft: Draft): void
  dropDraft(id: string): void
  rememberKeys(keys: ReadonlyArray<string | null>): void
  reset(): void
}

export const useBoardSessionStore = create<BoardSessionStore>()((set) => ({
  vote: null,
  drafts: [],
  ownKeys: [],
  setVote: (vote) => set({ vote }),
  setDrafts: (drafts) => set({ drafts }),
  putDraft: (draft) => set((s) => ({ drafts: [...s.drafts.filter((d) => d.id !== draft.id), draft].sort((a, b) => a.createdAt - b.createdAt) })),
  dropDraft: (id) => set((s) => ({ drafts: s.drafts.filter((d) => d.id !== id) })),
  rememberKeys: (keys) =>
    set((s) => {
      const fresh = keys.filter((k): k is string => !!k && !s.ownKeys.includes(k))
      return fresh.length ? { ownKeys: [...s.ownKeys, ...fresh] } : s
    }),
  reset: () => set({ vote: null, drafts: [], ownKeys: [] }),
}))
