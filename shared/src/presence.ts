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
