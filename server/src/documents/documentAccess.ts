import type { ControlState, Identity } from '@harvest/shared'
import type { Access } from './DocumentPeer'
import type { DocumentKind } from './documentKinds'

/** What deciding a connection's access needs of session control: its modes, loaded once, then read at each update. */
export interface SessionModes {
  /** Loads the session's state so that `peek` has it. */
  read(sessionId: string): Promise<unknown>
  /** The session's state as last loaded. */
  peek(sessionId: string): ControlState | undefined
}

/** Decides what a connection may do to a session's document, from who it is and the session's modes. */
export type AccessFor = (kind: DocumentKind, identity: Identity, sessionId: string) => Promise<Access>

/** The access rules of each document kind over the session's live modes; wired in app.ts so the endpoint knows no session control. */
export function documentAccess(secret: () => Promise<string>, modes: SessionModes): AccessFor {
  return async (kind, identity, sessionId) => {
    const access = kind.access(identity, await secret(), () => modes.peek(sessionId))
    await modes.read(sessionId)
    return access
  }
}
