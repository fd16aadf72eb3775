import { create } from 'zustand'
import type { StoryNotes } from '@harvest/shared'

/** Prepared story notes this person may read, by story id; written only by socket.ts. */
export interface NotesStore {
  notes: Record<string, StoryNotes>
  setNotes(storyId: string, notes: StoryNotes): void
  reset(): void
}

export const useNotesStore = create<NotesStore>()((set) => ({
  notes: {},
  setNotes: (storyId, notes) => set((s) => ({ notes: { ...s.notes, [storyId]: notes } })),
  reset: () => set({ notes: {} }),
}))
