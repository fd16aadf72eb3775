import { useEffect, useRef } from 'react'
import { currentItem, liveStoryArea } from '@harvest/shared'
import { showArea } from '../breakouts/showArea'
import { useBoardViewStore } from '../stores/useBoardViewStore'
import { useControlStore } from '../stores/useControlStore'
import { storyViewArea } from './storyView'

/** Keeps this person's board, and so their composer, on the story being told (see storyViewArea). */
export function useStoryArea(): void {
  const live = useControlStore((s) => (s.control ? liveStoryArea(s.control) : null))
  const storytelling = useControlStore((s) => (s.control ? currentItem(s.control)?.kind === 'storytelling' : false))
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = live
    const next = storyViewArea({ before, after: live, chosen: useBoardViewStore.getState().chosenArea, storytelling })
    if (next) showArea(next)
  }, [live, storytelling])
}
