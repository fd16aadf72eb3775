import { useSyncExternalStore } from 'react'
import { serverNow } from '../stores/useTimeStore'

/** How often countdowns re-render: well inside the 250 ms the screens may differ by. */
const TICK_MS = 100

const listeners = new Set<() => void>()
let now = serverNow()
let timer: ReturnType<typeof setInterval> | null = null

function tick() {
  now = serverNow()
  listeners.forEach((l) => l())
}

// One shared interval for every clock on the page, running only while something shows a clock.
function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!timer) {
    now = serverNow()
    timer = setInterval(tick, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

/**
 * The server's time as this screen estimates it, refreshed every tick. Countdowns are derived
 * from it and the clock's state, so a laptop waking from sleep shows the right time at once.
 */
export function useServerNow(): number {
  return useSyncExternalStore(subscribe, () => now)
}
