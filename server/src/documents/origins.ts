/**
 * Where a change to a live document came from. The kind decides what happens to it: a change
 * made here (a peer's, or the server's own) is stored and relayed to other processes; one read
 * from the store is not stored again; one relayed from another process was stored there and its
 * peers have it, so it is neither stored nor sent back. Every kind reaches this process's peers,
 * except the peer that sent it.
 */
export type OriginKind = 'peer' | 'server' | 'stored' | 'remote'

/** Origin of changes the server itself makes to a document (reveal, restore, filled-in authors, migrations). */
export const SERVER_ORIGIN = { kind: 'server' } as const
/** Origin of updates read back from the store when a document loads or catches up. */
export const STORED_ORIGIN = { kind: 'stored' } as const

/** Origin of an update another process accepted and relayed here; `source` names that process. */
export interface RemoteOrigin {
  readonly kind: 'remote'
  readonly source: string
}
export const remoteOrigin = (source: string): RemoteOrigin => ({ kind: 'remote', source })

/** The kind of any Yjs origin: a change without a known origin (a plain `doc.transact`) is the server's. */
export function originKind(origin: unknown): OriginKind {
  const kind = (origin as { kind?: unknown } | null)?.kind
  return kind === 'peer' || kind === 'stored' || kind === 'remote' ? kind : 'server'
}

/** A change made in this process: what gets stored and relayed to the other processes. */
export const isLocalChange = (origin: unknown): boolean => {
  const kind = originKind(origin)
  return kind === 'peer' || kind === 'server'
}
