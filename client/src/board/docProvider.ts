import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { BOARD_CLOSE, LIVENESS_PARAM } from '@harvest/shared'

/** A Yjs document kept in sync with one of the server's y-websocket endpoints. */
export interface DocLink {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** What the owner of a link hears about its connection. */
export interface DocLinkEvents {
  onStatus(status: 'connecting' | 'synced' | 'offline'): void
  /** The server will never accept this connection (bad token, removed, no session). */
  onRefused(reason: string): void
  /** The server refused one of our changes and closed; the caller reopens with a fresh document. */
  onRejected(reason: string): void
  /** We sent changes faster than the server takes them; the link reconnects on the same document after a pause. */
  onThrottled(reason: string): void
  /** The server cannot save changes now (its store is in trouble); the link keeps them and sends them again after a pause. */
  onUnsaved(reason: string): void
  /** Any change to the document, local or remote, batched to one call per frame. */
  onChange(doc: Y.Doc): void
}

/** Closes after which the local document holds a change the server will refuse again. */
const REJECTED = new Set<number>([BOARD_CLOSE.refused.code, BOARD_CLOSE.tooLarge.code, BOARD_CLOSE.malformed.code])

/** The WebSocket close code of a message too big to take (the server's ws library sends it far over the limit). */
const WS_TOO_LARGE = 1009

/**
 * What a close code means for the person: a refused change (reopen on a fresh copy and say
 * why), a refused connection (final: say why, stop), or the network (the provider retries).
 * y-websocket itself stops retrying on every 44xx code.
 */
export function closeMeaning(code: number): 'rejected' | 'refused' | 'throttled' | 'unsaved' | 'transient' {
  // 1009: ws's own close for a frame far over the limit; resending the same copy would only loop.
  if (code === WS_TOO_LARGE) return 'rejected'
  // Nothing was wrong with the changes, only their pace: the same copy is sent again after a pause.
  if (code === BOARD_CLOSE.rateLimited.code) return 'throttled'
  // Nothing was wrong with the changes either: the server could not save them, and asks for them again later.
  if (code === BOARD_CLOSE.storeUnavailable.code) return 'unsaved'
  if (code < 4400 || code >= 4500) return 'transient'
  return REJECTED.has(code) ? 'rejected' : 'refused'
}

/** How long a link waits before it reconnects after sending changes too fast, or that the server could not save. */
export const THROTTLED_PAUSE_MS = 2000

/** What the person is told when the server could not save their change (the reason is the server's words for its store's trouble). */
export function unsavedNotice(reason: string): string {
  const why = reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` : 'The server cannot save changes right now.'
  return `${why} Your change stays on this screen and is sent again as soon as the server can save it.`
}

/** Same page host, ws or wss to match the page. */
export function endpointUrl(path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${path}`
}

/**
 * Opens y-websocket's standard provider on a fresh document. BroadcastChannel stays off: two
 * tabs of different people in one browser must not pass each other's updates (and a refused
 * one) around the server's rules.
 *
 * The connection stands for liveness (LIVENESS_PARAM): the server removes someone's presence
 * when their connection goes, so the awareness' 15-second renewals and its 30-second expiry
 * are switched off. With 1,000 people, renewals would otherwise be 1,000 × 1,000 messages
 * every 15 seconds; now presence costs a message to each person only when it changes.
 */
export function openDocLink(path: string, sessionId: string, token: string, events: DocLinkEvents): DocLink {
  const doc = new Y.Doc()
  const params = { token, [LIVENESS_PARAM.name]: LIVENESS_PARAM.connection }
  // The provider reconnects by itself only after the network's closes; after the others this link decides.
  const shouldReconnect = (event: CloseEvent) => closeMeaning(event.code) === 'transient'
  const provider = new WebsocketProvider(endpointUrl(path), sessionId, doc, { params, disableBc: true, shouldReconnect })
  clearInterval(provider.awareness._checkInterval)
  // Nothing is shown of presence until its owner sets it (the board does, in presence.ts).
  provider.awareness.setLocalState(null)
  let alive = true

  // Remote changes re-render once per frame, so a burst of remote cards does not re-render once
  // per card. This person's own change shows at once: a controlled input (a checkbox, a toggle)
  // would otherwise spring back until the next frame.
  let scheduled = false
  const changed = () => {
    if (scheduled) return
    scheduled = true
    const flush = () => {
      scheduled = false
      if (alive) events.onChange(doc)
    }
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(flush)
    else setTimeout(flush, 50)
  }
  doc.on('update', (_update: Uint8Array, origin: unknown) => (origin === provider ? changed() : alive && events.onChange(doc)))

  provider.on('sync', (synced: boolean) => synced && events.onStatus('synced'))
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') events.onStatus('offline')
  })
  provider.on('connection-close', (event) => {
    const meaning = event ? closeMeaning(event.code) : 'transient'
    if (!event || meaning === 'transient') return
    const tooLarge = event.code === BOARD_CLOSE.tooLarge.code || event.code === WS_TOO_LARGE
    const reason = tooLarge ? 'that change was larger than the 1 MB the board takes at once' : event.reason || 'the server closed the connection'
    // Handled on the next tick: the provider is still inside its own close handler.
    setTimeout(() => {
      if (!alive) return
      if (meaning === 'throttled' || meaning === 'unsaved') {
        // These closes only ask us to wait: the sync on reconnecting sends every change the
        // server has not taken, as one update, so nothing typed is lost.
        setTimeout(() => alive && provider.connect(), THROTTLED_PAUSE_MS)
        return meaning === 'throttled' ? events.onThrottled(reason) : events.onUnsaved(reason)
      }
      if (meaning === 'rejected') events.onRejected(reason)
      else events.onRefused(reason)
    })
  })

  return {
    doc,
    provider,
    destroy: () => {
      alive = false
      provider.destroy()
      doc.destroy()
    },
  }
}
