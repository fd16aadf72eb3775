import type { Card, VoteView } from '@harvest/shared'

/** How many dots this person has placed. */
export function dotsUsed(vote: VoteView): number {
  return Object.values(vote.mine).reduce((sum, n) => sum + n, 0)
}

/** How many dots this person may still place. */
export function dotsLeft(vote: VoteView): number {
  return Math.max(0, vote.budget - dotsUsed(vote))
}

/** Whether a card can be voted on: the vote covers its area (or the whole board). */
export function inVoteScope(vote: VoteView, card: Pick<Card, 'area'>): boolean {
  return vote.area === null || vote.area === card.area
}

/** What a card shows of a vote: own dots, the total when visible, and which buttons work. */
export interface CardVote {
  mine: number
  /** Everyone's dots, or null while the results are hidden. */
  total: number | null
  canAdd: boolean
  canRemove: boolean
  open: boolean
  /** Whether this person places dots at all (observers only watch). */
  voter: boolean
}

/** The vote as one card shows it, or null when the card is outside the vote. */
export function cardVote(vote: VoteView | null, card: Pick<Card, 'id' | 'area'>, mayVote: boolean): CardVote | null {
  if (!vote || !inVoteScope(vote, card)) return null
  const open = vote.status === 'open'
  const mine = vote.mine[card.id] ?? 0
  const total = vote.totals ? (vote.totals[card.id] ?? 0) : null
  return { mine, total, open, voter: mayVote, canAdd: open && mayVote && dotsLeft(vote) > 0, canRemove: open && mayVote && mine > 0 }
}

/** Cards with the most dots first (stable for ties), for the results once they are visible. */
export function rankByVotes<T extends { id: string }>(cards: readonly T[], totals: Record<string, number>): T[] {
  return cards
    .map((card, index) => ({ card, index, dots: totals[card.id] ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map((x) => x.card)
}

/** A one-line description of the vote for the vote bar. */
export function voteSummary(vote: VoteView, areaName: string): string {
  const where = vote.area === null ? 'the whole board' : areaName
  if (vote.status === 'closed') return `Dot vote on ${where} closed · ${vote.voters} ${vote.voters === 1 ? 'person' : 'people'} voted`
  const results = vote.hidden ? 'results hidden until it closes' : 'results live'
  return `Dot vote on ${where} · ${results} · ${vote.voters} voted so far`
}
