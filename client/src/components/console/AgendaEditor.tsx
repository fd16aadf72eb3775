import { mayDrive } from '@harvest/shared'
import { agenda } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { AgendaRow } from './AgendaRow'
import { WindowSettings } from './WindowSettings'

/** The agenda, editable before and during the session, against the planned window. */
export function AgendaEditor() {
  const control = useControlStore((s) => s.control)
  const you = useSessionStore((s) => s.state?.you)
  if (!control) return null
  const canDrive = mayDrive(control, you?.role, you?.memberId)
  const last = control.agenda.at(-1)
  return (
    <div className="agenda-editor">
      <WindowSettings />
      <div className="agenda-head" aria-hidden>
        <span /> <span>Title</span> <span>Phase</span> <span>Kind</span> <span>Planned</span> <span />
      </div>
      <ol className="agenda-list">
        {control.agenda.map((item, i) => (
          <AgendaRow key={item.id} item={item} index={i} count={control.agenda.length} current={item.id === control.currentItemId} canDrive={canDrive} />
        ))}
      </ol>
      <button onClick={() => agenda.add(last?.id ?? null)}>+ Add an item</button>
    </div>
  )
}
