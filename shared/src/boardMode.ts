/** How the facilitator has set up writing on the board. */
export interface BoardMode {
  /** Cards stay private drafts until the facilitator reveals them. */
  privateWriting: boolean
  /** Others see no author on new cards; the server still knows who wrote each. */
  anonymous: boolean
  /** "Follow me": the area everyone's view follows, and who leads it. */
  follow: { area: string; by: string } | null
}

/** A new session's board: everyone writes in their own name, nobody leads the view. */
export const DEFAULT_BOARD_MODE: BoardMode = { privateWriting: false, anonymous: false, follow: null }
