import type { Card } from './documents/card'

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
