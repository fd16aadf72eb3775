import type { Role } from '@harvest/shared'
import { browserStorage, forgetSessionDrafts } from './board/cardDraft'

/** What this browser remembers of one session: the token it connects with and who it is. */
export interface SavedIdentity {
  sessionId: string
  token: string
  role: Role
  /** Null for a guest who watches without joining (observers). */
  name: string | null
  title: string
  savedAt: number
}

const key = (sessionId: string) => `harvest:identity:${sessionId}`

export function saveIdentity(identity: SavedIdentity): void {
  localStorage.setItem(key(identity.sessionId), JSON.stringify(identity))
}

export function loadIdentity(sessionId: string): SavedIdentity | null {
  try {
    const raw = localStorage.getItem(key(sessionId))
    return raw ? (JSON.parse(raw) as SavedIdentity) : null
  } catch {
    return null
  }
}

/** Forgets the session on this device: who this browser is in it, and any card left unsent. */
export function forgetIdentity(sessionId: string): void {
  localStorage.removeItem(key(sessionId))
  const storage = browserStorage()
  if (storage) forgetSessionDrafts(storage, sessionId)
}

/** Every session this browser has joined, newest first, for the home page. */
export function savedSessions(): SavedIdentity[] {
  const found: SavedIdentity[] = []
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i)
    if (!k?.startsWith('harvest:identity:')) continue
    const identity = loadIdentity(k.slice('harvest:identity:'.length))
    if (identity) found.push(identity)
  }
  return found.sort((a, b) => b.savedAt - a.savedAt)
}
