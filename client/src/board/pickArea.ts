import { useBoardViewStore } from '../stores/useBoardViewStore'
import { useControlStore } from '../stores/useControlStore'
import { useSessionStore } from '../stores/useSessionStore'
import { boardCommands } from './boardCommands'
import { ALL_AREAS } from './cardFilters'
import { pickTab } from './follow'

/**
 * A person picks an area tab. Someone following the facilitator steps away; the facilitator
 * who leads "follow me" takes everyone along to the new area.
 */
export function pickArea(tab: string): void {
  const follow = useControlStore.getState().control?.boardMode.follow ?? null
  const memberId = useSessionStore.getState().state?.you.memberId ?? null
  const { chosen, steppedAway } = pickTab(tab, follow, memberId)
  useBoardViewStore.getState().setArea(chosen, steppedAway)
  if (follow && follow.by === memberId && tab !== ALL_AREAS && tab !== follow.area) void boardCommands.follow(tab)
}
