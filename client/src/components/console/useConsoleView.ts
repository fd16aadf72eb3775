import { useEffect, useRef, useState } from 'react'
import { sessionStarted } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'

/** The facilitator's two jobs: running the session, and planning it. */
export type ConsoleView = 'run' | 'plan'

/**
 * Which view the console shows: planning until the session starts (inviting people, building the
 * agenda and the queue), running from then on. The switch happens once, when a clock first runs
 * or the agenda moves on; after that the facilitator chooses, and nothing pulls them out of an editor.
 */
export function useConsoleView(): [ConsoleView, (view: ConsoleView) => void] {
  const started = useControlStore((s) => (s.control ? sessionStarted(s.control) : false))
  const [view, setView] = useState<ConsoleView>(started ? 'run' : 'plan')
  const wasStarted = useRef(started)
  useEffect(() => {
    if (started && !wasStarted.current) setView('run')
    wasStarted.current = started
  }, [started])
  return [view, setView]
}
