import type { VoteView } from '@harvest/shared'
import { Refusal } from '../Refusal'
import type { VoteRecord } from '../storage/Storage'

const sum = (dots: Record<string, number> | undefined) => Object.values(dots ?? {}).reduce((a, b) => a + b, 0)

/** Places or takes back one dot; refuses beyond the budget, below zero, or on a closed vote. */
export function castDot(vote: VoteRecord, memberId: string, cardId: string, delta: 1 | -1): void {
  if (vote.status !== 'open') throw new Refusal('conflict', 'this vote is closed')
  const mine = (vote.dots[memberId] ??= {})
  const current = mine[cardId] ?? 0
  if (delta < 0 && current === 0) throw new Refusal('invalid', 'you have no dot on this card to take back')
  if (delta > 0 && sum(mine) >= vote.budget) throw new Refusal('invalid', `you have placed all ${vote.budget} of your dots: take one back first`)
  if (current + delta === 0) delete mine[cardId]
  else mine[cardId] = current + delta
}

/** Dots per card over everyone. */
export function voteTotals(vote: VoteRecord): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const dots of Object.values(vote.dots)) for (const [card, n] of Object.entries(dots)) totals[card] = (totals[card] ?? 0) + n
  return totals
}

/** The vote as one person may see it: hidden results stay on the server until the vote closes. */
export function voteView(vote: VoteRecord, memberId: string | null): VoteView {
  const visible = !vote.hidden || vote.status === 'closed'
  return {
    id: vote.id,
    area: vote.area,
    budget: vote.budget,
    hidden: vote.hidden,
    status: vote.status,
    totals: visible ? voteTotals(vote) : null,
    mine: { ...(memberId ? vote.dots[memberId] : undefined) },
    voters: Object.values(vote.dots).filter((d) => sum(d) > 0).length,
  }
}
