import { useEffect, useState } from 'react'
import { loadIdentity } from '../../identity'
import { connectSession, disconnectSession } from '../../socket'

const tabKey = (sessionId: string) => `harvest:stage:${sessionId}`

/**
 * The stage link's token, read once from the address (`#key=…`) and kept for this tab only, so a
 * reload keeps the stage and the token does not stay in the address bar on a projected screen.
 */
function stageToken(sessionId: string): string | null {
  const key = new URLSearchParams(location.hash.slice(1)).get('key')
  if (key) {
    sessionStorage.setItem(tabKey(sessionId), key)
    history.replaceState(null, '', location.pathname + location.search)
    return key
  }
  return sessionStorage.getItem(tabKey(sessionId))
}

/**
 * Connects the stage with its stage link, or else with the identity this browser joined with.
 * `via` says which, so a refusal can say what to ask for.
 */
export function useStageConnection(sessionId: string): { token: string; via: 'stage-link' | 'member' } | null {
  const [found] = useState(() => {
    const key = stageToken(sessionId)
    if (key) return { token: key, via: 'stage-link' as const }
    const identity = loadIdentity(sessionId)
    return identity ? { token: identity.token, via: 'member' as const } : null
  })
  useEffect(() => {
    if (!found) return
    connectSession(found.token)
    return () => disconnectSession()
  }, [sessionId, found?.token])
  return found
}
