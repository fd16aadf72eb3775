import { useState } from 'react'
import { agenda } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { AgendaFitSummary } from './AgendaFitSummary'

/** A time of day, saved when the facilitator leaves the field. */
function TimeField({ label, value, onCommit }: { label: string; value: string; onCommit(value: string): void }) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <label className="inline-label">
      {label}
      <input type="time" value={draft ?? value} onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft && /^\d{2}:\d{2}$/.test(draft) && draft !== value) onCommit(draft)
          setDraft(null)
        }} />
    </label>
  )
}

/** The session's planned window and whether the agenda fits in it. */
export function WindowSettings() {
  const startsAt = useControlStore((s) => s.control?.startsAt ?? '')
  const endsAt = useControlStore((s) => s.control?.endsAt ?? '')
  return (
    <div className="window-settings">
      <TimeField label="Starts" value={startsAt} onCommit={(v) => agenda.settings({ startsAt: v })} />
      <TimeField label="Ends" value={endsAt} onCommit={(v) => agenda.settings({ endsAt: v })} />
      <AgendaFitSummary />
    </div>
  )
}
