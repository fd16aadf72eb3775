import type { SessionInfo } from '@harvest/shared'
import type { Storage } from '../storage/Storage'

const key = (sessionId: string) => `recapFrom:${sessionId}`

/** Remembers which session a session was made from, for its recap. */
export function setRecapSource(storage: Storage, sessionId: string, fromId: string): Promise<void> {
  return storage.setMeta(key(sessionId), fromId)
}

const sameCluster = (a: SessionInfo, b: SessionInfo) => a.cluster.trim().toLowerCase() === b.cluster.trim().toLowerCase()

/**
 * Where a session's recap comes from: the session it was made from, or else the latest session
 * of the same cluster created before it in another (named) round. Null when there is none.
 */
export async function findRecapSource(storage: Storage, session: SessionInfo): Promise<SessionInfo | null> {
  const madeFrom = await storage.getMeta(key(session.id))
  const direct = madeFrom ? await storage.getSession(madeFrom) : undefined
  if (direct) return direct
  const earlier = (await storage.listSessions()).filter(
    (other) => other.id !== session.id && sameCluster(other, session) && other.createdAt < session.createdAt && other.round !== '' && other.round !== session.round,
  )
  return earlier[0] ?? null // listSessions is newest first
}
