import type { TimeRecord } from '@harvest/shared'
import { timeRecords } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import { useServerNow } from '../../time/useServerNow'

const fmt = (minutes: number) => (Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1))

/** One row: a grey bar for the plan, a green one for time actually run (red where it ran over). */
function Row({ record, scale, current }: { record: TimeRecord; scale: number; current: boolean }) {
  const over = record.actualMinutes - record.plannedMinutes
  const pct = (minutes: number) => `${Math.min(100, (minutes / scale) * 100)}%`
  return (
    <tr className={current ? 'current' : undefined}>
      <th scope="row">{record.title}</th>
      <td className="bars" aria-hidden>
        <div className="bar-stack">
          <span className="bar planned" style={{ width: pct(record.plannedMinutes) }} />
          <span className={over > 0.05 ? 'bar actual over' : 'bar actual'} style={{ width: pct(record.actualMinutes) }} />
        </div>
      </td>
      <td className="num">{fmt(record.plannedMinutes)}</td>
      <td className="num">{record.actualMinutes > 0 ? fmt(record.actualMinutes) : '—'}</td>
      {/* Under plan means little while the item still runs; over plan always matters. */}
      <td className={over > 0.05 ? 'num over' : 'num'}>{record.actualMinutes > 0 && (over > 0 || !current) ? `${over > 0 ? '+' : ''}${fmt(Math.round(over * 10) / 10)}` : ''}</td>
    </tr>
  )
}

/** Planned against actual minutes so far, for every agenda item and every story. */
export function TimeChart() {
  const control = useControlStore((s) => s.control)
  const now = useServerNow()
  if (!control) return null
  const records = timeRecords(control, now)
  const scale = Math.max(1, ...records.map((r) => Math.max(r.plannedMinutes, r.actualMinutes)))
  const items = records.filter((r) => r.kind === 'item')
  const storyRows = records.filter((r) => r.kind === 'story')
  const total = (list: TimeRecord[], key: 'plannedMinutes' | 'actualMinutes') => Math.round(list.reduce((s, r) => s + r[key], 0) * 10) / 10
  const isCurrent = (r: TimeRecord) => r.id === control.currentItemId || r.id === control.currentStoryId

  return (
    <div className="time-chart">
      <p className="legend muted"><span className="bar planned" /> planned <span className="bar actual" /> actual <span className="bar actual over" /> over plan · minutes</p>
      <table>
        <thead>
          <tr><th scope="col">Agenda item</th><th scope="col" aria-hidden /><th scope="col">Plan</th><th scope="col">Actual</th><th scope="col">±</th></tr>
        </thead>
        <tbody>
          {items.map((r) => <Row key={r.id} record={r} scale={scale} current={isCurrent(r)} />)}
          <tr className="total">
            <th scope="row">Whole agenda</th><td />
            <td className="num">{fmt(total(items, 'plannedMinutes'))}</td>
            <td className="num">{fmt(total(items, 'actualMinutes'))}</td><td />
          </tr>
        </tbody>
        {storyRows.length > 0 && (
          <tbody>
            <tr className="group"><th scope="col" colSpan={5}>Stories (slot + Q&amp;A)</th></tr>
            {storyRows.map((r) => <Row key={r.id} record={r} scale={scale} current={isCurrent(r)} />)}
          </tbody>
        )}
      </table>
    </div>
  )
}
