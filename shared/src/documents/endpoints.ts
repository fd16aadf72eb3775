/** Where the board's y-websocket endpoint lives; the room name is the session id. */
export const BOARD_PATH = '/board'

/** Where the harvest document's y-websocket endpoint lives; the room name is the session id. */
export const HARVEST_PATH = '/harvest'

/**
 * A document connection that opens with `?liveness=connection` lets the connection itself stand
 * for its presence being current: the server sends it presence only when it changes, never the
 * 15-second renewals y-websocket's awareness sends by default, and a client that asks for this
 * keeps others' presence until the server removes it (it turns its awareness' own expiry off).
 * Without the parameter a client gets every renewal, as y-websocket's own server sends them.
 */
export const LIVENESS_PARAM = { name: 'liveness', connection: 'connection' } as const

/** Close codes of the document endpoints (board and harvest), so clients can tell people why they were refused. */
export const BOARD_CLOSE = {
  unauthorized: { code: 4401, reason: 'unknown or revoked token' },
  wrongSession: { code: 4403, reason: 'token does not belong to this session' },
  malformed: { code: 4400, reason: 'malformed message' },
  /** A frame over LIMITS.boardFrameMaxBytes. */
  tooLarge: { code: 4413, reason: 'message too large' },
  removed: { code: 4410, reason: 'you were removed from this session' },
  /** Not final: the client reconnects and gets the new role's rights. */
  roleChanged: { code: 4000, reason: 'your role changed' },
  /** Not final either: the board takes a new card's author from the member record it connected with. */
  detailsChanged: { code: 4001, reason: 'your name or city changed' },
  /** The update broke a board rule (someone else's card, a field out of bounds); the reason says which. */
  refused: { code: 4422, reason: 'change refused' },
  /** More updates than the rate limit takes; nothing in the frame was applied, so the client may resend it after a pause. */
  rateLimited: { code: 4429, reason: 'too many changes at once: slow down and try again in a moment' },
  /**
   * The server cannot save changes right now (its store is full or away): the change was not
   * kept, or is held until it can be written. Nothing was wrong with it, so the client keeps its
   * copy and sends it again after a pause; 45xx, so y-websocket's provider reconnects by itself.
   */
  storeUnavailable: { code: 4503, reason: 'the server cannot save changes right now' },
  /** The server is stopping and will be back: the standard "service restart" code, which every provider retries. */
  restarting: { code: 1012, reason: 'server restarting' },
} as const
