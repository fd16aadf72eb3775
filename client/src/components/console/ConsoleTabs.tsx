import { useState } from 'react'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { AgendaEditor } from './AgendaEditor'
import { PeopleManager } from './PeopleManager'
import { StoryQueue } from './StoryQueue'
import { TimeChart } from './TimeChart'
import './console.css'

const TABS = [
  { id: 'agenda', label: 'Agenda' },
  { id: 'stories', label: 'Storytellers' },
  { id: 'timing', label: 'Planned vs actual' },
  { id: 'people', label: 'People' },
] as const
type TabId = (typeof TABS)[number]['id']

/** The facilitator's editors, one at a time, so the board stays on screen below them. */
export function ConsoleTabs() {
  const [tab, setTab] = useState<TabId>('agenda')
  const counts: Partial<Record<TabId, number>> = {
    agenda: useControlStore((s) => s.control?.agenda.length ?? 0),
    stories: useControlStore((s) => s.control?.stories.length ?? 0),
    people: useSessionStore((s) => s.state?.members.length ?? 0),
  }
  return (
    <section className="panel console-tabs" aria-label="Facilitator console">
      <div role="tablist" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}{counts[t.id] !== undefined && <span className="count"> {counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'agenda' && <AgendaEditor />}
        {tab === 'stories' && <StoryQueue />}
        {tab === 'timing' && <TimeChart />}
        {tab === 'people' && <PeopleManager />}
      </div>
    </section>
  )
}
