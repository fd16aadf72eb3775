import type { AgendaItem } from '@harvest/shared'
import { CONTROL_LIMITS, ITEM_KINDS, LIMITS, PHASE_LABELS, PHASES } from '@harvest/shared'
import { agenda, drive } from '../../commands'
import { CommitNumber, CommitText } from '../inputs/CommitField'

const KIND_LABELS = { plenary: 'Plenary', storytelling: 'Storytelling', breakout: 'Breakout' } as const

/** One agenda item, edited in place: every field saves when the facilitator leaves it. */
export function AgendaRow({ item, index, count, current, canDrive }: {
  item: AgendaItem
  index: number
  count: number
  current: boolean
  canDrive: boolean
}) {
  const update = (patch: Omit<Parameters<typeof agenda.update>[0], 'id'>) => agenda.update({ id: item.id, ...patch })

  function remove() {
    if (confirm(`Remove “${item.title}” from the agenda?`)) void agenda.remove(item.id)
  }

  return (
    <li className={current ? 'agenda-row current' : 'agenda-row'} data-item-id={item.id}>
      <span className="agenda-index" aria-label={current ? 'current item' : undefined}>{current ? 'Now' : index + 1}</span>
      <CommitText className="agenda-title" label={`Title of item ${index + 1}`} value={item.title} required
        maxLength={LIMITS.titleMax} onCommit={(title) => update({ title })} />
      <select aria-label={`Phase of item ${index + 1}`} value={item.phase} onChange={(e) => update({ phase: e.target.value as AgendaItem['phase'] })}>
        {PHASES.map((p) => <option key={p} value={p}>{p === 'none' ? 'No phase' : PHASE_LABELS[p]}</option>)}
      </select>
      <select aria-label={`Kind of item ${index + 1}`} value={item.kind} onChange={(e) => update({ kind: e.target.value as AgendaItem['kind'] })}>
        {ITEM_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
      </select>
      <span className="minutes">
        <CommitNumber label={`Minutes of item ${index + 1}`} value={item.plannedMinutes} min={1} max={CONTROL_LIMITS.itemMinutesMax}
          onCommit={(plannedMinutes) => update({ plannedMinutes })} />
        <span className="muted">min</span>
      </span>
      <span className="row-actions">
        <button className="icon" disabled={index === 0} onClick={() => agenda.move(item.id, index - 1)} aria-label={`Move item ${index + 1} up`}>↑</button>
        <button className="icon" disabled={index === count - 1} onClick={() => agenda.move(item.id, index + 1)} aria-label={`Move item ${index + 1} down`}>↓</button>
        {!current && <button className="small" disabled={!canDrive} onClick={() => drive.goto(item.id)}>Go to</button>}
        <button className="icon danger" onClick={remove} aria-label={`Remove item ${index + 1}`}>✕</button>
      </span>
      <CommitText className="agenda-prompt" multiline rows={1} label={`Prompt of item ${index + 1}`} value={item.prompt}
        maxLength={CONTROL_LIMITS.promptMax} placeholder="Prompt shown to everyone while this item runs (optional)"
        onCommit={(prompt) => update({ prompt })} />
    </li>
  )
}
