import type { Awareness } from 'y-protocols/awareness'
import type { BoardPresence } from '@harvest/shared'
import { isParticipant } from '@harvest/shared'
import { useBoardStore } from '../stores/useBoardStore'
import { useBoardViewStore } from '../stores/useBoardViewStore'
import { useControlStore } from '../stores/useControlStore'
import { useSessionStore } from '../stores/useSessionStore'
import { shownArea } from './follow'
import { WRITING_NEW, colorFor, othersPresent } from './presenceList'
import { PresenceThrottle } from './presenceThrottle'

/** How often the list of others is re-read at most: 300 people moving about stay cheap. */
const READ_EVERY_MS = 500

/** This person's presence as the stores describe it now, or null for a guest. */
function wantedPresence(): BoardPresence | null {
  const state = useSessionStore.getState().state
  const me = state?.members.find((m) => m.id === state.you.memberId)
  if (!state || !me) return null
  const view = useBoardViewStore.getState()
  const boardMode = useControlStore.getState().control?.boardMode ?? null
  // With anonymous cards, "Ana is editing this card" would give away who wrote it.
  const hideEditing = boardMode?.anonymous && isParticipant(state.you.role)
  const editing = hideEditing ? null : (view.editing ?? (view.writing ? WRITING_NEW : null))
  return {
    memberId: me.id,
    name: me.name,
    city: me.city,
    color: colorFor(me.id),
    area: shownArea(boardMode?.follow ?? null, view.chosenArea, view.steppedAway, me.id),
    editing,
  }
}

/**
 * Shares who is here, in which area and what they are writing (never cursor positions), and
 * reads everyone else's. Local state is set only when it changes, at most once a second.
 */
export function startPresence(awareness: Awareness): () => void {
  const throttle = new PresenceThrottle<BoardPresence>((state) => awareness.setLocalState(state))
  const update = () => {
    const wanted = wantedPresence()
    if (wanted) throttle.set(wanted)
  }
  const unsubscribers = [useSessionStore.subscribe(update), useBoardViewStore.subscribe(update), useControlStore.subscribe(update)]
  // The provider starts with an empty local state; clear it so guests are not listed.
  awareness.setLocalState(null)
  update()

  let timer: ReturnType<typeof setTimeout> | null = null
  const read = () => {
    timer = null
    const memberId = useSessionStore.getState().state?.you.memberId ?? null
    useBoardStore.getState().setOthers(othersPresent(awareness.getStates(), awareness.clientID, memberId))
  }
  const onChange = () => {
    if (timer === null) timer = setTimeout(read, READ_EVERY_MS)
  }
  awareness.on('change', onChange)

  return () => {
    unsubscribers.forEach((u) => u())
    awareness.off('change', onChange)
    if (timer !== null) clearTimeout(timer)
    throttle.dispose()
    awareness.setLocalState(null)
  }
}
