import { create } from 'zustand'
import type { HarvestEntry, HarvestSection } from '@harvest/shared'
import { HARVEST_SECTIONS } from '@harvest/shared'

/** The harvest document as everyone reads it live; written only by harvest/harvestConnection.ts. */
export interface HarvestStore {
  entries: HarvestEntry[]
  summaries: Record<HarvestSection, string>
  synced: boolean
  setContent(entries: HarvestEntry[], summaries: Record<HarvestSection, string>): void
  setSynced(synced: boolean): void
  reset(): void
}

/** Every section with empty text. */
export const emptySummaries = () => Object.fromEntries(HARVEST_SECTIONS.map((s) => [s, ''])) as Record<HarvestSection, string>

export const useHarvestStore = create<HarvestStore>()((set) => ({
  entries: [],
  summaries: emptySummaries(),
  synced: false,
  setContent: (entries, summaries) => set({ entries, summaries }),
  setSynced: (synced) => set({ synced }),
  reset: () => set({ entries: [], summaries: emptySummaries(), synced: false }),
}))
