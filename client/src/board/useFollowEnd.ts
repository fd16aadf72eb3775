import { useEffect, useRef } from 'react'
import type { BoardMode } from '@harvest/shared'
import { useBoardViewStore } from '../stores/useBoardViewStore'

/**
 * When the facilitator stops leading, followers stay on the area they were shown (their board
 * does not jump back), and whoever had stepped away follows again the next time someone leads.
 */
export function useFollowEnd(follow: BoardMode['follow']): void {
  const last = useRef<string | null>(null)
  useEffect(() => {
    if (follow) {
      last.current = follow.area
      return
    }
    const view = useBoardViewStore.getState()
    if (last.current && !view.steppedAway) view.setArea(last.current, false)
    else if (view.steppedAway) view.refollow()
    last.current = null
  }, [follow?.area, follow === null])
}
