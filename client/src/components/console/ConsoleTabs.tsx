import { useState } from 'react'
import { useTabList } from '../../a11y/useTabList'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { useSurveyStore } from '../../stores/useSurveyStore'
import { SurveyConsole } from '../survey/SurveyConsole'
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
  { id: 'survey', label: 'Survey' },
] as const
type TabId = (typeof TABS)[number]['id']
const TAB_IDS = TABS.map((t) => t.id)

/** The plan view's editors, one at a time. */
export function ConsoleTabs() {
  const [tab, setTab] = useState<TabId>('agenda')
  const tabs = useTabList(TAB_IDS, tab, setTab)
  const counts: Partial<Record<TabId, number>> = {
    agenda: useControlStore((s) => s.control?.agenda.length ?? 0),
    stories: useControlStore((s) => s.control?.stories.length ?? 0),
    people: useSessionStore((s) => s.state?.members.length ?? 0),
    survey: useSurveyStore((s) => s.survey?.responses ?? 0),
  }
  return (
    <section className="panel console-tabs" aria-label="Facilitator console">
      <div {...tabs.list} aria-label="Console sections" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} {...tabs.tab(t.id)} className={tab === t.id ? 'tab active' : 'tab'}>
            {t.label}{counts[t.id] !== undefined && <span className="count"> {counts[t.id]}</span>}
          </button>
        ))}
      </div>
      <div {...tabs.panel} className="tab-panel">
        {tab === 'agenda' && <AgendaEditor />}
        {tab === 'stories' && <StoryQueue />}
        {tab === 'timing' && <TimeChart />}
        {tab === 'people' && <PeopleManager />}
        {tab === 'survey' && <SurveyConsole />}
      </div>
    </section>
  )
}
