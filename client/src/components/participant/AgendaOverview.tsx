import { PHASE_LABELS } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import './participant.css'

/** The whole agenda at a glance, read-only, with the current item marked. */
export function AgendaOverview() {
  const agenda = useControlStore((s) => s.control?.agenda ?? [])
  const currentId = useControlStore((s) => s.control?.currentItemId ?? null)
  if (agenda.length === 0) return null
  const currentIndex = agenda.findIndex((i) => i.id === currentId)
  return (
    <section className="panel agenda-overview" aria-label="Agenda">
      <h2>Agenda</h2>
      <ol>
        {agenda.map((item, i) => (
          <li key={item.id} className={i === currentIndex ? 'current' : i < currentIndex ? 'past' : undefined}
            aria-current={i === currentIndex ? 'step' : undefined}>
            <span className="title">{item.title}</span>
            {item.phase !== 'none' && <span className="phase-chip">{PHASE_LABELS[item.phase]}</span>}
            <span className="muted minutes">{item.plannedMinutes}′</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
