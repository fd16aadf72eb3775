import { create } from 'zustand'
import type { SurveyAnswer, SurveyResults, SurveyState } from '@harvest/shared'

/**
 * The feedback survey as the server last sent it: its public state, this person's own saved
 * answer, and (for facilitators) the live results. Written only by socket.ts.
 */
export interface SurveyStore {
  survey: SurveyState | null
  mine: SurveyAnswer | null
  results: SurveyResults | null
  setSurvey(survey: SurveyState): void
  setMine(mine: SurveyAnswer | null): void
  setResults(results: SurveyResults): void
  reset(): void
}

export const useSurveyStore = create<SurveyStore>()((set) => ({
  survey: null,
  mine: null,
  results: null,
  setSurvey: (survey) => set({ survey }),
  setMine: (mine) => set({ mine }),
  setResults: (results) => set({ results }),
  reset: () => set({ survey: null, mine: null, results: null }),
}))
