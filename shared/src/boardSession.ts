import type { Card } from './documents/card'
import type { CardKind, EmissionDomain, Lever } from './taxonomy'

/** How the facilitator has set up writing on the board. */
export interface BoardMode {
  /** Cards stay private drafts until the facilitator reveals them. */
  privateWriting: boolean
  /** Others see no author on new cards; the server still knows who wrote each. */
  anonymous: boolean
  /** "Follow me": the area everyone's view follows, and who leads it. */
  follow: { area: string; by: string } | null
}

export const DEFAULT_BOARD_MODE: BoardMode = { privateWriting: false, anonymous: false, follow: null }

/** A card written in private-writing mode: kept on the server, seen by its author alone. */
export interface Draft {
  id: string
  text: string
  kind: CardKind | null
  area: string
  levers: Lever[]
  domains: EmissionDomain[]
  createdAt: number
}

/** A dot vote as one person sees it. */
export interface VoteView {
  id: string
  /** The area voted over, or null for the whole board. */
  area: string | null
  budget: number
  hidden: boolean
  status: 'open' | 'closed'
  /** Dots per card; null while the vote is open and its results are hidden. */
  totals: Record<string, number> | null
  /** This person's own dots per card. */
  mine: Record<string, number>
  /** How many people have placed at least one dot. */
  voters: number
}

/** One stored snapshot of the board, as listed in the history. */
export interface SnapshotInfo {
  id: string
  at: number
  cards: number
}

/** What changed between a snapshot and the board now. */
export interface SnapshotDiff {
  /** Cards on the board now that the snapshot did not have. */
  added: Card[]
  /** Cards in the snapshot that are gone now (restorable one by one). */
  removed: Card[]
  changed: { before: Card; after: Card }[]
}

/** Presence on the board, shared through Yjs awareness; never cursor positions. */
export interface BoardPresence {
  memberId: string
  name: string
  city: string
  color: string
  area: string
  /** The card being edited, WRITING_NEW while writing a new card, or null. */
  editing: string | null
}

/** The `editing` value of someone writing a new card (not a card id). */
export const WRITING_NEW = 'new'
