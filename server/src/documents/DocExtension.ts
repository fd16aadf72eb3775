import type { LiveDoc } from './LiveDoc'

/** What changed in a document's presence, as y-protocols' awareness reports it. */
export interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Something a live document does besides holding the document and its peers: storing updates,
 * snapshots, relaying to other processes. In the style of Hocuspocus' extensions, each hook is
 * optional and the document calls the extensions in the order it was given them. One instance
 * serves one document (DocRegistry asks for a fresh set per document), so an extension may keep
 * that document's state in its own fields.
 */
export interface DocExtension {
  /** Fills the freshly created document before any peer sees it (apply with STORED_ORIGIN). */
  onLoad?(live: LiveDoc): Promise<void>
  /**
   * Keeps an update the document accepted, called at once and in the order accepted. Nobody
   * hears of the update (this process's peers, `onUpdate`) until every extension's returned
   * promise resolves; a rejection refuses the change to the peer that sent it (the reason is
   * the error's message) and it is relayed to nobody, unless it is a `HeldUpdate` (the store's
   * trouble holds it): that one is relayed once it is written.
   */
  onAccept?(live: LiveDoc, update: Uint8Array, origin: unknown): void | Promise<void>
  /**
   * An update the document accepted, once it is kept and went to this process's peers, in the
   * order accepted. `origin` is the Yjs origin; `originKind`/`isLocalChange` (origins.ts) say
   * what it is. Must not throw; a returned promise is awaited by `flush()`.
   */
  onUpdate?(live: LiveDoc, update: Uint8Array, origin: unknown): void | Promise<void>
  /** Presence changed; `origin` as for onUpdate (a peer, or a RemoteOrigin for relayed presence). */
  onAwareness?(live: LiveDoc, change: AwarenessChange, origin: unknown): void
  /**
   * Reads what the store holds that this copy lacks and applies it (with STORED_ORIGIN). Asked
   * before a peer's change is refused: with several processes, the change may build on one that
   * another process stored and passed to its peers, then died before relaying it here.
   */
  onCatchUp?(live: LiveDoc): Promise<void>
  /** Waits until everything this extension started for updates so far has finished. */
  flush?(live: LiveDoc): Promise<void>
  /** Periodic and before unload: write what should be kept (compaction, a snapshot). */
  onStore?(live: LiveDoc): Promise<void>
  /** The document leaves memory; release timers and subscriptions. */
  onDestroy?(live: LiveDoc): void
}
