import { pickTab } from '../board/follow'
import { useBoardViewStore } from '../stores/useBoardViewStore'
import { useControlStore } from '../stores/useControlStore'
import { useSessionStore } from '../stores/useSessionStore'

/**
 * Shows one area of the board on this screen only: a room to its people, a room the facilitator
 * looks into or a harvester follows. Unlike picking a tab it never leads "follow me", so looking
 * into a room does not drag everyone else's board along.
 */
export function showArea(area: string): void {
  const follow = useControlStore.getState().control?.boardMode.follow ?? null
  const memberId = useSessionStore.getState().state?.you.memberId ?? null
  const { chosen, steppedAway } = pickTab(area, follow, memberId)
  useBoardViewStore.getState().setArea(chosen, steppedAway)
}

/** Brings the board into view, e.g. after choosing a room to look into. */
export function scrollToBoard(): void {
  document.querySelector('.board')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
}
