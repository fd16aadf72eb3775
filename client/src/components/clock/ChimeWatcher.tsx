import { useEffect, useRef } from 'react'
import { remainingMs } from '@harvest/shared'
import { activeClock } from '../../control/activeClock'
import { useControlStore } from '../../stores/useControlStore'
import { playChime, unlockAudioOnFirstGesture } from '../../time/chime'
import { useServerNow } from '../../time/useServerNow'

/**
 * Plays the soft chime once when the running active clock crosses zero, if the facilitator
 * turned the chime on. Mounted once per page, so two views of one clock never chime twice.
 */
export function ChimeWatcher() {
  const control = useControlStore((s) => s.control)
  const now = useServerNow()
  const last = useRef<{ key: string; remaining: number } | null>(null)

  useEffect(() => unlockAudioOnFirstGesture(), [])

  const active = control ? activeClock(control) : null
  const key = active ? JSON.stringify(active.target) : ''
  const remaining = active ? remainingMs(active.clock, now) : 0
  const running = active?.clock.runningSince != null

  useEffect(() => {
    const previous = last.current
    last.current = { key, remaining }
    // Only a crossing seen on this very clock counts: switching to a clock already in overtime does not chime.
    if (control?.chime && running && previous?.key === key && previous.remaining > 0 && remaining <= 0) playChime()
  }, [key, remaining, running, control?.chime])

  return null
}
