import type { ControlState, Report } from '@harvest/shared'
import { timeRecords } from '@harvest/shared'

const oneDecimal = (n: number) => Math.round(n * 10) / 10

/**
 * Planned against actual for every agenda item and story. The totals count agenda items only:
 * stories run inside the storytelling item, so adding them would count that time twice.
 */
export function timekeeping(control: ControlState, now: number): Report['timekeeping'] {
  const records = timeRecords(control, now)
  const items = records.filter((r) => r.kind === 'item')
  return {
    rows: records.map((r) => ({
      kind: r.kind,
      title: r.title,
      plannedMinutes: r.plannedMinutes,
      actualMinutes: r.actualMinutes,
      overMinutes: oneDecimal(r.actualMinutes - r.plannedMinutes),
    })),
    plannedMinutes: oneDecimal(items.reduce((sum, r) => sum + r.plannedMinutes, 0)),
    actualMinutes: oneDecimal(items.reduce((sum, r) => sum + r.actualMinutes, 0)),
  }
}
