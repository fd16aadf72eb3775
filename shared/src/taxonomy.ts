import type { Phase } from './agenda'

/** Card kinds of the W³ frame (DESIGN.md, "The board"), grouped by the phase they answer. */
export const CARD_KINDS = [
  'outcome',
  'learning',
  'challenge',
  'insight',
  'possibility',
  'blind_spot',
  'idea',
  'synergy',
  'action',
  'risk_or_need',
] as const
export type CardKind = (typeof CARD_KINDS)[number]

export const KIND_LABELS: Record<CardKind, string> = {
  outcome: 'Early outcome',
  learning: 'Strategic learning',
  challenge: 'Challenge',
  insight: 'Insight',
  possibility: 'Possibility',
  blind_spot: 'Blind spot',
  idea: 'Idea',
  synergy: 'Synergy',
  action: 'Revised action',
  risk_or_need: 'Risk or need',
}

/** Which W³ section each kind belongs to. */
export const KIND_PHASE: Record<CardKind, Exclude<Phase, 'none'>> = {
  outcome: 'what',
  learning: 'what',
  challenge: 'so_what',
  insight: 'so_what',
  possibility: 'so_what',
  blind_spot: 'so_what',
  idea: 'now_what',
  synergy: 'now_what',
  action: 'now_what',
  risk_or_need: 'now_what',
}

/** The kinds offered first while an agenda item of a phase runs; the first is preselected. */
export function kindsForPhase(phase: Phase): CardKind[] {
  if (phase === 'none') return [...CARD_KINDS]
  return CARD_KINDS.filter((kind) => KIND_PHASE[kind] === phase)
}

/** The six levers of change of the NetZeroCities programme. */
export const LEVERS = ['technology', 'democracy', 'finance', 'governance', 'social_innovation', 'learning'] as const
export type Lever = (typeof LEVERS)[number]

export const LEVER_LABELS: Record<Lever, string> = {
  technology: 'Technology and infrastructure',
  democracy: 'Democracy and participation',
  finance: 'Finance and funding',
  governance: 'Governance and policy',
  social_innovation: 'Social innovation',
  learning: 'Learning, capabilities and skills',
}

/** Emission domains as the Cluj-Napoca pilot blueprint names them. */
export const EMISSION_DOMAINS = ['buildings_thermal', 'electricity', 'transport', 'waste', 'land_use'] as const
export type EmissionDomain = (typeof EMISSION_DOMAINS)[number]

export const DOMAIN_LABELS: Record<EmissionDomain, string> = {
  buildings_thermal: 'Non-electric energy for thermal uses in buildings & facilities',
  electricity: 'Electricity for buildings, facilities & infrastructure',
  transport: 'All vehicles & transport',
  waste: 'Multi-sector waste management & disposal',
  land_use: 'Land use (agriculture, forestry & other land uses)',
}
