import { useSyncExternalStore } from 'react'

/** The pages of the app, parsed from the address bar. */
export type Route =
  | { page: 'home' }
  | { page: 'join'; token: string }
  | { page: 'session'; sessionId: string }
  | { page: 'stage'; sessionId: string }
  | { page: 'report'; sessionId: string }
  | { page: 'survey'; sessionId: string }
  | { page: 'admin' }
  | { page: 'missing' }

/** Pure so it can be tested: which page a path shows. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length === 0) return { page: 'home' }
  if (parts[0] === 'admin' && parts.length === 1) return { page: 'admin' }
  if (parts[0] === 'join' && parts[1]) return { page: 'join', token: decodeURIComponent(parts[1]) }
  if (parts[0] === 's' && parts[1] && parts[2] === 'stage' && parts.length === 3) return { page: 'stage', sessionId: decodeURIComponent(parts[1]) }
  if (parts[0] === 's' && parts[1] && parts[2] === 'report' && parts.length === 3) return { page: 'report', sessionId: decodeURIComponent(parts[1]) }
  if (parts[0] === 's' && parts[1] && parts[2] === 'survey' && parts.length === 3) return { page: 'survey', sessionId: decodeURIComponent(parts[1]) }
  if (parts[0] === 's' && parts[1] && parts.length === 2) return { page: 'session', sessionId: decodeURIComponent(parts[1]) }
  return { page: 'missing' }
}

const listeners = new Set<() => void>()
// Guarded so parseRoute can be tested in node, where there is no window.
if (typeof window !== 'undefined') window.addEventListener('popstate', () => listeners.forEach((l) => l()))

/** Moves to another page without reloading. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  listeners.forEach((l) => l())
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const path = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => location.pathname,
  )
  return parseRoute(path)
}
