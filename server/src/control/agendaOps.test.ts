import { describe, expect, it } from 'vitest'
import type { ClientPayload, ControlState } from '@harvest/shared'
import { CONTROL_LIMITS, ROUND2_AGENDA, agendaFit, applyClockCommand, clockPhase, newClock, remainingMs, timeRecords } from '@harvest/shared'
import { addItem, gotoItem, moveItem, removeItem, updateItem } from './agendaOps'
import { newControl } from './newControl'
import { refusal } from '../testing/refusal'

const MIN = 60_000
const T0 = 1_700_000_000_000

/** The control state of a new session: the Round 2 agenda, its first item current. */
const fresh = (): ControlState => newControl({ leadId: 'lead', cities: [] }).state

const titles = (control: ControlState) => control.agenda.map((item) => item.title)
const itemAt = (control: ControlState, index: number) => {
  const item = control.agenda[index]
  if (!item) throw new Error(`no agenda item at ${index}`)
  return item
}
const current = (control: ControlState) => control.agenda.find((item) => item.id === control.currentItemId)

const newItem = (overrides: Partial<ClientPayload<'agenda:add'>> = {}): ClientPayload<'agenda:add'> => ({
  title: 'Coffee break',
  phase: 'none',
  kind: 'plenary',
  plannedMinutes: 15,
  prompt: 'Stretch your legs.',
  afterId: null,
  ...overrides,
})


describe('a new session', () => {
  it('starts from the Round 2 agenda, with the first item current and every clock idle at its planned length', () => {
    const control = fresh()
    expect(titles(control)).toEqual(ROUND2_AGENDA.map((item) => item.title))
    expect(control.currentItemId).toBe(itemAt(control, 0).id)
    for (const item of control.agenda) expect(item.clock).toEqual(newClock(item.plannedMinutes * MIN))
    expect(new Set(control.agenda.map((item) => item.id)).size).toBe(control.agenda.length)
  })

  it('fills the 10:00–12:30 window exactly', () => {
    expect(agendaFit(fresh())).toEqual({ plannedMinutes: 150, windowMinutes: 150, slackMinutes: 0 })
  })
})

describe('agendaFit', () => {
  it('shows an added item as minutes over the window', () => {
    const control = fresh()
    addItem(control, newItem({ plannedMinutes: 15 }))
    expect(agendaFit(control)).toEqual({ plannedMinutes: 165, windowMinutes: 150, slackMinutes: -15 })
  })

  it('shows a longer window as spare time', () => {
    const control = fresh()
    control.endsAt = '13:00'
    expect(agendaFit(control).slackMinutes).toBe(30)
    control.startsAt = '09:30'
    expect(agendaFit(control)).toEqual({ plannedMinutes: 150, windowMinutes: 210, slackMinutes: 60 })
  })
})

describe('addItem', () => {
  it('appends at the end by default, with a clock of its planned length', () => {
    const control = fresh()
    const id = addItem(control, newItem())
    expect(control.agenda.at(-1)).toMatchObject({ id, title: 'Coffee break', plannedMinutes: 15, clock: newClock(15 * MIN) })
    expect(control.currentItemId).toBe(itemAt(control, 0).id)
  })

  it('inserts after a given item', () => {
    const control = fresh()
    const second = itemAt(control, 1)
    const id = addItem(control, newItem({ afterId: second.id }))
    expect(itemAt(control, 2).id).toBe(id)
    expect(control.agenda).toHaveLength(ROUND2_AGENDA.length + 1)
  })

  it('becomes the current item of an empty agenda', () => {
    const control = fresh()
    for (const item of [...control.agenda]) removeItem(control, item.id)
    expect(control.currentItemId).toBeNull()
    const id = addItem(control, newItem())
    expect(control.currentItemId).toBe(id)
  })

  it('refuses to insert after an item that is gone', () => {
    const control = fresh()
    expect(refusal(() => addItem(control, newItem({ afterId: 'gone' }))).code).toBe('not_found')
  })

  it('refuses past the agenda limit', () => {
    const control = fresh()
    while (control.agenda.length < CONTROL_LIMITS.agendaItemsMax) addItem(control, newItem())
    expect(refusal(() => addItem(control, newItem())).code).toBe('invalid')
    expect(control.agenda).toHaveLength(CONTROL_LIMITS.agendaItemsMax)
  })
})

describe('removeItem', () => {
  it('removes an item that is not current and keeps the current one', () => {
    const control = fresh()
    const removed = itemAt(control, 3)
    removeItem(control, removed.id)
    expect(control.agenda.map((i) => i.id)).not.toContain(removed.id)
    expect(control.currentItemId).toBe(itemAt(control, 0).id)
  })

  it('removing the current item makes the next one current', () => {
    const control = fresh()
    gotoItem(control, { id: itemAt(control, 2).id }, T0)
    const next = itemAt(control, 3)
    removeItem(control, itemAt(control, 2).id)
    expect(control.currentItemId).toBe(next.id)
  })

  it('removing the current last item makes the one before it current', () => {
    const control = fresh()
    const last = itemAt(control, control.agenda.length - 1)
    const before = itemAt(control, control.agenda.length - 2)
    gotoItem(control, { id: last.id }, T0)
    removeItem(control, last.id)
    expect(control.currentItemId).toBe(before.id)
  })

  it('refuses an unknown id', () => {
    const control = fresh()
    expect(refusal(() => removeItem(control, 'nope')).code).toBe('not_found')
    expect(control.agenda).toHaveLength(ROUND2_AGENDA.length)
  })
})

describe('moveItem', () => {
  it('moves an item to a new position', () => {
    const control = fresh()
    const [a, b, c] = control.agenda
    moveItem(control, a!.id, 2)
    expect(control.agenda.slice(0, 3).map((i) => i.id)).toEqual([b!.id, c!.id, a!.id])
    moveItem(control, a!.id, 0)
    expect(titles(control)).toEqual(ROUND2_AGENDA.map((item) => item.title))
  })

  it('an index past the end moves the item to the end', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    moveItem(control, first.id, 40)
    expect(control.agenda.at(-1)?.id).toBe(first.id)
    expect(control.agenda).toHaveLength(ROUND2_AGENDA.length)
  })

  it('keeps the current item current', () => {
    const control = fresh()
    const currentId = control.currentItemId
    moveItem(control, itemAt(control, 0).id, 4)
    expect(control.currentItemId).toBe(currentId)
  })

  it('refuses an unknown id', () => {
    expect(refusal(() => moveItem(fresh(), 'nope', 0)).code).toBe('not_found')
  })
})

describe('updateItem', () => {
  it('edits the title, phase and prompt', () => {
    const control = fresh()
    const item = itemAt(control, 1)
    updateItem(control, { id: item.id, title: 'Check-in', phase: 'what', prompt: 'One word each.' })
    expect(itemAt(control, 1)).toMatchObject({ id: item.id, title: 'Check-in', phase: 'what', prompt: 'One word each.', kind: item.kind })
  })

  it('a new planned length becomes the length of an idle clock', () => {
    const control = fresh()
    const item = itemAt(control, 1)
    updateItem(control, { id: item.id, plannedMinutes: 20 })
    expect(itemAt(control, 1).clock).toEqual(newClock(20 * MIN))
    expect(agendaFit(control).slackMinutes).toBe(-5)
  })

  it('a new planned length leaves the length of a clock that has run alone', () => {
    const control = fresh()
    const item = itemAt(control, 0)
    item.clock = applyClockCommand(item.clock, { op: 'start' }, T0)
    updateItem(control, { id: item.id, plannedMinutes: 30 })
    const clock = itemAt(control, 0).clock
    expect(clock.durationMs).toBe(10 * MIN)
    expect(clockPhase(clock)).toBe('running')
    expect(remainingMs(clock, T0 + 4 * MIN)).toBe(6 * MIN)
    expect(itemAt(control, 0).plannedMinutes).toBe(30)
    // The new plan is what a reset restores.
    expect(applyClockCommand(clock, { op: 'reset' }, T0 + 5 * MIN)).toEqual(newClock(30 * MIN))
  })

  it('a new planned length leaves the minutes a facilitator added to a paused clock', () => {
    const control = fresh()
    const item = itemAt(control, 0)
    item.clock = applyClockCommand(item.clock, { op: 'start' }, T0)
    item.clock = applyClockCommand(item.clock, { op: 'pause' }, T0 + 2 * MIN)
    item.clock = applyClockCommand(item.clock, { op: 'adjust', deltaMs: 5 * MIN }, T0 + 2 * MIN)
    updateItem(control, { id: item.id, plannedMinutes: 12 })
    expect(itemAt(control, 0).clock).toMatchObject({ durationMs: 15 * MIN, elapsedMs: 2 * MIN, runningSince: null })
  })

  it('refuses an unknown id', () => {
    expect(refusal(() => updateItem(fresh(), { id: 'nope', title: 'x' })).code).toBe('not_found')
  })
})

describe('gotoItem', () => {
  it('steps forward and back without starting a clock that was not running', () => {
    const control = fresh()
    gotoItem(control, { step: 1 }, T0)
    expect(control.currentItemId).toBe(itemAt(control, 1).id)
    gotoItem(control, { step: -1 }, T0)
    expect(control.currentItemId).toBe(itemAt(control, 0).id)
    for (const item of control.agenda) expect(clockPhase(item.clock)).toBe('idle')
  })

  it('leaving a running item pauses it and starts the next one at the same moment', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    gotoItem(control, { step: 1 }, T0 + 11 * MIN)

    expect(itemAt(control, 0).clock).toMatchObject({ elapsedMs: 11 * MIN, runningSince: null })
    expect(current(control)?.id).toBe(itemAt(control, 1).id)
    expect(itemAt(control, 1).clock.runningSince).toBe(T0 + 11 * MIN)
  })

  it('leaving a paused item does not start the next one', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    first.clock = applyClockCommand(first.clock, { op: 'pause' }, T0 + MIN)
    gotoItem(control, { step: 1 }, T0 + 5 * MIN)
    expect(itemAt(control, 0).clock).toMatchObject({ elapsedMs: MIN, runningSince: null })
    expect(clockPhase(itemAt(control, 1).clock)).toBe('idle')
  })

  it('going back to an item resumes its clock where it stopped', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    gotoItem(control, { step: 1 }, T0 + 3 * MIN)
    gotoItem(control, { step: -1 }, T0 + 4 * MIN)
    expect(itemAt(control, 1).clock).toMatchObject({ elapsedMs: MIN, runningSince: null })
    expect(remainingMs(itemAt(control, 0).clock, T0 + 6 * MIN)).toBe(5 * MIN)
  })

  it('jumps to an item by id', () => {
    const control = fresh()
    const target = itemAt(control, 4)
    gotoItem(control, { id: target.id }, T0)
    expect(control.currentItemId).toBe(target.id)
    gotoItem(control, { step: 1 }, T0)
    expect(control.currentItemId).toBe(itemAt(control, 5).id)
  })

  it('going to the current item changes nothing: its running clock keeps running', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    const before = structuredClone(control)
    gotoItem(control, { id: first.id }, T0 + MIN)
    expect(control).toEqual(before)
  })

  it('refuses to step before the first item or past the last, and changes nothing', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    const atFirst = structuredClone(control)
    const back = refusal(() => gotoItem(control, { step: -1 }, T0 + MIN))
    expect(back).toMatchObject({ code: 'invalid', message: 'this is the first agenda item' })
    expect(control).toEqual(atFirst)

    gotoItem(control, { id: itemAt(control, control.agenda.length - 1).id }, T0 + MIN)
    const atLast = structuredClone(control)
    const forward = refusal(() => gotoItem(control, { step: 1 }, T0 + 2 * MIN))
    expect(forward).toMatchObject({ code: 'invalid', message: 'this is the last agenda item' })
    expect(control).toEqual(atLast)
  })

  it('refuses an unknown id', () => {
    const control = fresh()
    expect(refusal(() => gotoItem(control, { id: 'nope' }, T0)).code).toBe('not_found')
    expect(control.currentItemId).toBe(itemAt(control, 0).id)
  })
})

describe('timeRecords of the agenda', () => {
  it('lists planned and actual minutes of every item, to a tenth of a minute', () => {
    const control = fresh()
    const first = itemAt(control, 0)
    first.clock = applyClockCommand(first.clock, { op: 'start' }, T0)
    gotoItem(control, { step: 1 }, T0 + 12.5 * MIN)
    const records = timeRecords(control, T0 + 12.5 * MIN + 20 * MIN + 4_000)

    expect(records).toHaveLength(ROUND2_AGENDA.length)
    expect(records[0]).toEqual({ kind: 'item', id: first.id, title: 'Welcome and frame', plannedMinutes: 10, actualMinutes: 12.5 })
    expect(records[1]).toMatchObject({ kind: 'item', title: 'Recap and check-in', plannedMinutes: 15, actualMinutes: 20.1 })
    expect(records.slice(2).map((r) => r.actualMinutes)).toEqual([0, 0, 0, 0])
  })
})
