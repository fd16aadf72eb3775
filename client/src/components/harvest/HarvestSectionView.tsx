import { useState } from 'react'
import type { HarvestEntry } from '@harvest/shared'
import { KIND_LABELS, LIMITS } from '@harvest/shared'
import { harvestActions } from '../../harvest/harvestActions'
import { LEVER_SHORT, SECTION_TITLES, kindClass } from '../../board/labels'
import { actingName } from '../../board/useBoardActor'
import { EntryMarks } from './EntryMarks'
import { SummaryEditor } from './SummaryEditor'

/** One W³ section of the harvest: its summary, the promoted cards and patterns, key insights. */
export function HarvestSectionView({ section, entries, writable }: { section: HarvestEntry['section']; entries: HarvestEntry[]; writable: boolean }) {
  const [insight, setInsight] = useState('')

  function add() {
    if (harvestActions.addInsight(section, insight, actingName())) setInsight('')
  }

  return (
    <section className="harvest-section" aria-label={SECTION_TITLES[section]} data-section={section}>
      <h3>{SECTION_TITLES[section]} <span className="count">{entries.length}</span></h3>
      <SummaryEditor section={section} writable={writable} />
      {entries.length === 0 && <p className="muted">Nothing promoted here yet.</p>}
      <ul className="harvest-entries">
        {entries.map((e) => (
          <li key={e.id} className={`harvest-entry ${kindClass(e.kind)}${e.key ? ' key' : ''}`}>
            <div className="entry-top">
              <span className="chip kind-chip">{e.source === 'insight' ? 'Written insight' : e.kind ? KIND_LABELS[e.kind] : 'Unsorted'}</span>
              {e.key && !writable && <span className="chip key-chip">★ Key insight</span>}
              {e.source === 'pattern' && <span className="chip pattern-chip">◆ Pattern</span>}
              {writable && <button className="link danger" onClick={() => harvestActions.removeEntry(e.id)} aria-label="Remove from the harvest">Remove</button>}
            </div>
            <p className="entry-text">{e.text}</p>
            {writable && <EntryMarks entry={e} />}
            {(e.cities.length > 0 || e.levers.length > 0) && (
              <p className="entry-meta">
                {e.cities.join(' · ')}
                {e.levers.map((l) => <span key={l} className="chip lever-chip">{LEVER_SHORT[l]}</span>)}
              </p>
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <form className="insight-form" onSubmit={(ev) => { ev.preventDefault(); add() }}>
          <input aria-label={`Write an insight into ${SECTION_TITLES[section]}`} placeholder="Write an insight…" maxLength={LIMITS.cardTextMax} value={insight} onChange={(ev) => setInsight(ev.target.value)} />
          <button type="submit" disabled={!insight.trim()}>Add</button>
        </form>
      )}
    </section>
  )
}
