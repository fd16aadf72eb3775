import type { HarvestEntry } from '@harvest/shared'
import { KIND_LABELS } from '@harvest/shared'
import { SECTION_TITLES } from '../../board/labels'
import { useHarvestStore } from '../../stores/useHarvestStore'

const SECTIONS: HarvestEntry['section'][] = ['what', 'so_what', 'now_what']

/**
 * The harvest so far, large enough to read back to the room at the wrap-up: key insights first,
 * as the report opens, then what was promoted in each W³ section.
 */
export function StageHarvest() {
  const entries = useHarvestStore((s) => s.entries)
  const themes = useHarvestStore((s) => s.summaries.overall)
  const synced = useHarvestStore((s) => s.synced)
  const key = entries.filter((e) => e.key)
  const rest = (section: HarvestEntry['section']) => entries.filter((e) => e.section === section && !e.key)

  return (
    <div className="stage-body stage-harvest">
      <p className="stage-eyebrow">The harvest so far</p>
      {themes.trim() && <p className="stage-themes">{themes}</p>}
      {!synced && entries.length === 0 && <p className="stage-city">Loading the harvest…</p>}
      {synced && entries.length === 0 && <p className="stage-city">Nothing has been harvested yet.</p>}
      {key.length > 0 && (
        <section aria-label="Key insights">
          <h2>Key insights</h2>
          <ul>{key.map((e) => <StageEntry key={e.id} entry={e} />)}</ul>
        </section>
      )}
      {SECTIONS.map((section) => {
        const list = rest(section)
        if (list.length === 0) return null
        return (
          <section key={section} aria-label={SECTION_TITLES[section]}>
            <h2>{SECTION_TITLES[section]}</h2>
            <ul>{list.map((e) => <StageEntry key={e.id} entry={e} />)}</ul>
          </section>
        )
      })}
    </div>
  )
}

function StageEntry({ entry }: { entry: HarvestEntry }) {
  return (
    <li className={entry.key ? 'stage-entry key' : 'stage-entry'}>
      <span className="stage-entry-text">{entry.text}</span>
      <span className="stage-entry-meta">
        {[entry.kind ? KIND_LABELS[entry.kind] : null, entry.cities.join(', ')].filter(Boolean).join(' · ')}
      </span>
    </li>
  )
}
