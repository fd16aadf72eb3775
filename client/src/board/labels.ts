import type { CardKind, EmissionDomain, HarvestEntry, Lever } from '@harvest/shared'
import { KIND_PHASE } from '@harvest/shared'

/** Short lever names for chips; the full names (LEVER_LABELS) go in tooltips. */
export const LEVER_SHORT: Record<Lever, string> = {
  technology: 'Technology',
  democracy: 'Democracy',
  finance: 'Finance',
  governance: 'Governance',
  social_innovation: 'Social innovation',
  learning: 'Learning & skills',
}

/** Short emission domain names for chips; the full names (DOMAIN_LABELS) go in tooltips. */
export const DOMAIN_SHORT: Record<EmissionDomain, string> = {
  buildings_thermal: 'Buildings (heat)',
  electricity: 'Electricity',
  transport: 'Transport',
  waste: 'Waste',
  land_use: 'Land use',
}

/** The CSS class that colours a kind by its W³ phase. */
export const kindClass = (kind: CardKind | null) => (kind ? `kind-${KIND_PHASE[kind]}` : 'kind-none')

/** Section names of the harvest as the report prints them. */
export const SECTION_TITLES: Record<HarvestEntry['section'], string> = {
  what: 'What? Early outcomes and learnings',
  so_what: 'So What? Patterns and shared experiences',
  now_what: 'Now What? Ideas, actions, needs',
}
