import { useMemo } from 'react'
import type { BreakoutRound, Story } from '@harvest/shared'
import { useBoardStore } from '../stores/useBoardStore'
import { useControlStore } from '../stores/useControlStore'
import { boardAreas, type AreaTab } from './areas'

const NO_STORIES: Story[] = []
const NO_ROUNDS: BreakoutRound[] = []

/** The board's area tabs with their counts, from the stories and the cards. */
export function useAreaTabs(): AreaTab[] {
  const stories = useControlStore((s) => s.control?.stories ?? NO_STORIES)
  const rounds = useControlStore((s) => s.control?.rounds ?? NO_ROUNDS)
  const cards = useBoardStore((s) => s.cards)
  return useMemo(() => boardAreas({ stories, rounds }, cards), [stories, rounds, cards])
}
