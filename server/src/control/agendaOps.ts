import { v4 as uuid } from 'uuid'
import type { ClientPayload, ControlState } from '@harvest/shared'
import { CONTROL_LIMITS, applyClockCommand, clockPhase, newAgendaItem, newClock } from '@harvest/shared'
import { Refusal, moveInList, mustFind } from '../Refusal'

/** Inserts an item after `afterId` (or at the end) and returns its id. */
export function addItem(control: ControlState, input: ClientPayload<'agenda:add'>): string {
  if (control.agenda.length >= CONTROL_LIMITS.agendaItemsMax) {
    throw new Refusal('invalid', `an agenda holds at most ${CONTROL_LIMITS.agendaItemsMax} items`)
  }
  const { afterId, ...fields } = input
  const item = newAgendaItem(uuid(), fields)
  const at = afterId === null ? control.agenda.length : control.agenda.indexOf(mustFind(control.agenda, afterId, 'agenda item')) + 1
  control.agenda.splice(at, 0, item)
  control.currentItemId ??= item.id
  return item.id
}

/** Edits an item; a new planned length also becomes the length of its clock if it has not run yet. */
export function updateItem(control: ControlState, { id, ...patch }: ClientPayload<'agenda:update'>): void {
  const item = mustFind(control.agenda, id, 'agenda item')
  Object.assign(item, patch)
  if (patch.plannedMinutes !== undefined) {
    const plannedMs = patch.plannedMinutes * 60_000
    item.clock = clockPhase(item.clock) === 'idle' ? newClock(plannedMs) : { ...item.clock, plannedMs }
  }
}

export function removeItem(control: ControlState, id: string): void {
  const item = mustFind(control.agenda, id, 'agenda item')
  const index = control.agenda.indexOf(item)
  control.agenda.splice(index, 1)
  if (control.currentItemId === id) control.currentItemId = control.agenda[Math.min(index, control.agenda.length - 1)]?.id ?? null
}

export function moveItem(control: ControlState, id: string, toIndex: number): void {
  moveInList(control.agenda, id, toIndex, 'agenda item')
}

/**
 * Makes another item current. The item being left is paused, so its actual time stops; if its
 * clock was running the new one starts at once, keeping the flow of a running session.
 */
export function gotoItem(control: ControlState, input: ClientPayload<'agenda:goto'>, now: number): void {
  const index = control.agenda.findIndex((item) => item.id === control.currentItemId)
  const target = 'id' in input ? mustFind(control.agenda, input.id, 'agenda item') : control.agenda[index + input.step]
  if (!target) throw new Refusal('invalid', 'step' in input && input.step > 0 ? 'this is the last agenda item' : 'this is the first agenda item')
  if (target.id === control.currentItemId) return
  const leaving = control.agenda[index]
  const wasRunning = leaving ? clockPhase(leaving.clock) === 'running' : false
  if (leaving) leaving.clock = applyClockCommand(leaving.clock, { op: 'pause' }, now)
  control.currentItemId = target.id
  if (wasRunning) target.clock = applyClockCommand(target.clock, { op: 'start' }, now)
}
