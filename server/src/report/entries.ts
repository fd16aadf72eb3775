import type { HarvestEntry, ReportEntry } from '@harvest/shared'
import { KIND_LABELS } from '@harvest/shared'
import type { CardIndex } from './attribution'
import { distinctCities } from './cityOrder'

/** A harvest entry as the report shows it, beside the record it came from. */
export interface Promoted {
  entry: ReportEntry
  source: HarvestEntry
}

const UNKINDED_LABELS: Record<HarvestEntry['source'], string> = { card: 'Unsorted', pattern: 'Pattern', insight: 'Insight' }

const byPromotion = (a: HarvestEntry, b: HarvestEntry) =>
  a.promotedAt - b.promotedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Every harvest entry in the order promoted. An entry names the cities a harvester attached;
 * when none were, it names those of the card or pattern it came from, as the report reads them.
 */
export function reportEntries(entries: readonly HarvestEntry[], index: CardIndex): Promoted[] {
  return [...entries].sort(byPromotion).map((source) => {
    const fromSource =
      source.source === 'card'
        ? [index.byId.get(source.sourceId)?.city ?? '']
        : source.source === 'pattern'
          ? (index.byPattern.get(source.sourceId) ?? []).map((c) => c.city)
          : []
    const cities = distinctCities(source.cities.length > 0 ? source.cities : fromSource)
    return {
      source,
      entry: {
        id: source.id,
        text: source.text,
        source: source.source,
        section: source.section,
        kind: source.kind,
        kindLabel: source.kind ? KIND_LABELS[source.kind] : UNKINDED_LABELS[source.source],
        cities,
        levers: [...source.levers],
        key: source.key,
      },
    }
  })
}
