import { useEffect, useRef } from 'react'
import { PLENARY_AREA } from '@harvest/shared'
import { useBoardViewStore } from '../stores/useBoardViewStore'
import { showArea } from './showArea'

/**
 * Keeps this person's board on their room's area while they are in a room, so what they write
 * belongs to the room; when they leave it or the rooms close, back to the plenary (unless they
 * already went elsewhere themselves).
 */
export function useRoomArea(area: string | null): void {
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const left = previous.current
    previous.current = area
    if (area) showArea(area)
    else if (left && useBoardViewStore.getState().chosenArea === left) showArea(PLENARY_AREA)
  }, [area])
}
