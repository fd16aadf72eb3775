import { useEffect } from 'react'
import { clockPhase } from '@harvest/shared'
import { drive } from '../../commands'
import { activeClock } from '../../control/activeClock'
import { useControlStore } from '../../stores/useControlStore'

/** The lead's keys, listed once so the help and the handler cannot disagree. */
export const SHORTCUTS = [
  { keys: ['N'], does: 'next item' },
  { keys: ['P'], does: 'previous item' },
  { keys: ['Space'], does: 'start / pause the clock' },
  { keys: ['+', '='], does: 'add a minute' },
  { keys: ['−'], does: 'remove a minute' },
] as const

/** True when a key press belongs to what the person is typing or to a focused control. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
}

/**
 * Keyboard shortcuts for the lead facilitator. Space and the minute keys act on the active
 * clock: the story's while a story is told or questioned, otherwise the current item's.
 */
export function useShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event.target)) return
      const control = useControlStore.getState().control
      if (!control) return
      const active = activeClock(control)
      const key = event.key.toLowerCase()
      if (key === 'n') void drive.step(1)
      else if (key === 'p') void drive.step(-1)
      else if (key === ' ') {
        // Space on a focused button presses that button; do not toggle the clock as well.
        if (event.target instanceof Element && event.target.closest('button, a, summary')) return
        event.preventDefault()
        if (active) void drive.clock(active.target, { op: clockPhase(active.clock) === 'running' ? 'pause' : 'start' })
      } else if ((key === '+' || key === '=') && active) void drive.clock(active.target, { op: 'adjust', deltaMs: 60_000 })
      else if ((key === '-' || key === '_') && active) void drive.clock(active.target, { op: 'adjust', deltaMs: -60_000 })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
