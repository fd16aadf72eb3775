/**
 * Whether the server can keep what people send. When its store is in trouble (a full disk, a
 * read-only data directory, a database that does not answer) it refuses every change with
 * the reason instead of accepting what it cannot keep, and says so on `/api/health` and to
 * every connected screen ('server:store').
 */
export type StoreProblem = 'full' | 'read-only' | 'unavailable'

export interface StoreStatus {
  ok: boolean
  /** "ok", or what is wrong. */
  store: 'ok' | StoreProblem
  /** Server time the trouble began; null while all is well. */
  since: number | null
  /** For people: what is wrong and what it means for their changes. */
  message: string
}

/**
 * What people read while the store is in trouble: the change they sent was not kept, and why.
 * Short enough to be a WebSocket close reason (at most 123 bytes), which is how the board says it.
 */
export const STORE_PROBLEM_MESSAGE: Record<StoreProblem, string> = {
  full: "the server's disk is full, so your change was not saved; what you see is safe",
  'read-only': "the server's data directory is read-only, so your change was not saved; what you see is safe",
  unavailable: 'the server cannot reach its store, so your change was not saved; try again in a moment',
}

export const STORE_OK_MESSAGE = 'changes are saved again'
