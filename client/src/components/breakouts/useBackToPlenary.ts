import { useEffect, useRef } from 'react'
import { PLENARY_AREA } from '@harvest/shared'
import { showArea } from '../../breakouts/showArea'
import { useLiveRound } from '../../breakouts/useLiveRound'
import { useBoardViewStore } from '../../stores/useBoardViewStore'

/**
 * For the facilitator, who looks into rooms rather than sitting in one: when the rooms close, a
 * board (and so a composer) still on one of that round's rooms comes back to the plenary.
 */
export function useBackToPlenary(): void {
  const live = useLiveRound()
  const previous = useRef<string | null>(null)
  useEffect(() => {
    const closed = previous.current
    previous.current = live?.id ?? null
    if (closed && closed !== live?.id && useBoardViewStore.getState().chosenArea.startsWith(`room:${closed}:`)) showArea(PLENARY_AREA)
  }, [live?.id])
}
