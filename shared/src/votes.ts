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
