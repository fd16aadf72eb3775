import { useEffect } from 'react'
import { loadIdentity, type SavedIdentity } from './identity'
import { connectSession, disconnectSession } from './socket'

/**
 * Connects this screen to a session with the identity this browser saved for it, for as long as
 * the screen is shown. Null when this browser never joined the session.
 */
export function useSessionConnection(sessionId: string): SavedIdentity | null {
  const identity = loadIdentity(sessionId)
  useEffect(() => {
    if (!identity) return
    connectSession(identity.token)
    return () => disconnectSession()
  }, [sessionId, identity?.token])
  return identity
}
