import type { ClientPayload, ControlState, Identity } from '@harvest/shared'
import { applyClockCommand, leadAllows } from '@harvest/shared'
import { Refusal, mustFind } from '../Refusal'

/**
 * Driving the session (agenda, clocks, storytelling) needs the lead, besides the role the socket
 * wrapper checked. With no lead yet, the first facilitator who drives takes it, so a session never stalls.
 */
export function assertHoldsLead(control: ControlState, identity: Identity): void {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'only a facilitator can run the agenda and the clocks')
  if (!leadAllows(control, identity.member.id)) {
    throw new Refusal('forbidden', 'another facilitator has the lead: ask them to hand it over, or take the lead')
  }
  control.leadId ??= identity.member.id
}

/** Applies a clock command to the agenda item or story clock it names. */
export function commandClock(control: ControlState, { target, command }: ClientPayload<'clock:command'>, now: number): void {
  if (target.kind === 'item') {
    const item = mustFind(control.agenda, target.id, 'agenda item')
    item.clock = applyClockCommand(item.clock, command, now)
    return
  }
  const story = mustFind(control.stories, target.id, 'story')
  const key = target.part === 'tell' ? 'tellClock' : 'qaClock'
  story[key] = applyClockCommand(story[key], command, now)
}
