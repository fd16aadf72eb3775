import type { BoardMode } from '@harvest/shared'

type Follow = BoardMode['follow']

/**
 * The area a person sees. While the facilitator leads ("follow me") everyone else sees the
 * leader's area, unless they stepped away by picking another tab themselves.
 */
export function shownArea(follow: Follow, chosen: string, steppedAway: boolean, memberId: string | null): string {
  if (!follow || steppedAway || follow.by === memberId) return chosen
  return follow.area
}

/** Picking a tab: a person following someone steps away unless they picked the leader's area. */
export function pickTab(tab: string, follow: Follow, memberId: string | null): { chosen: string; steppedAway: boolean } {
  const following = follow !== null && follow.by !== memberId
  return { chosen: tab, steppedAway: following && tab !== follow.area }
}

/** Whether to offer "Follow the facilitator": someone leads and this person stepped away. */
export function offerRefollow(follow: Follow, steppedAway: boolean, memberId: string | null): boolean {
  return follow !== null && follow.by !== memberId && steppedAway
}
