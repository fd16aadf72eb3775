import type { AppendixArea, ControlState } from '@harvest/shared'
import { PLENARY_AREA, roomArea, storyArea } from '@harvest/shared'
import type { CardIndex } from './attribution'
import { describeArea } from './attribution'

/**
 * Every card by the area it was written in, in the order the session ran: the plenary, the
 * stories in queue order, the breakout rooms round by round, then areas since removed.
 */
export function appendix(index: CardIndex, control: ControlState): AppendixArea[] {
  const planned = [
    PLENARY_AREA,
    ...control.stories.map((s) => storyArea(s.id)),
    ...control.rounds.flatMap((round) => round.rooms.map((room) => roomArea(round.id, room.id))),
  ]
  const others = [...new Set(index.cards.map((c) => c.area))].filter((a) => !planned.includes(a)).sort()
  return [...new Set([...planned, ...others])].flatMap((area) => {
    const cards = index.cards.filter((c) => c.area === area)
    if (cards.length === 0) return []
    const { label, round } = describeArea(area, control)
    return [{ area, label, round, cards }]
  })
}
