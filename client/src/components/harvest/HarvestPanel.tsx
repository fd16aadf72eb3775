import { useMemo } from 'react'
import type { HarvestEntry } from '@harvest/shared'
import { HARVEST_SECTION_LABELS } from '@harvest/shared'
import { useHarvestStore } from '../../stores/useHarvestStore'
import { HarvestSectionView } from './HarvestSectionView'
import { SummaryEditor } from './SummaryEditor'

const SECTIONS: HarvestEntry['section'][] = ['what', 'so_what', 'now_what']

/** The harvest document, live: harvesters and facilitators write it, everyone reads along. */
export function HarvestPanel({ writable }: { writable: boolean }) {
  const entries = useHarvestStore((s) => s.entries)
  const synced = useHarvestStore((s) => s.synced)
  const bySection = useMemo(() => new Map(SECTIONS.map((s) => [s, entries.filter((e) => e.section === s)])), [entries])

  return (
    <section className="harvest" aria-label="Harvest">
      <div className="harvest-head">
        <h2>Harvest <span className="count">{entries.length} {entries.length === 1 ? 'entry' : 'entries'}</span></h2>
        {!synced && <span className="muted">Connecting…</span>}
        {!writable && <span className="muted">Written live by the harvesters; read only for you.</span>}
      </div>
      <section className="harvest-section" aria-label={HARVEST_SECTION_LABELS.overall}>
        <h3>{HARVEST_SECTION_LABELS.overall}</h3>
        <SummaryEditor section="overall" writable={writable} />
      </section>
      {SECTIONS.map((s) => <HarvestSectionView key={s} section={s} entries={bySection.get(s) ?? []} writable={writable} />)}
      <section className="harvest-section" aria-label={HARVEST_SECTION_LABELS.levers}>
        <h3>{HARVEST_SECTION_LABELS.levers}</h3>
        <SummaryEditor section="levers" writable={writable} />
      </section>
    </section>
  )
}
