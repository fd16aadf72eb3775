import type { Clock } from './clock'
import { newClock } from './clock'

/** The W³ phase an agenda item serves. */
export const PHASES = ['none', 'what', 'so_what', 'now_what'] as const
export type Phase = (typeof PHASES)[number]

export const PHASE_LABELS: Record<Phase, string> = { none: '—', what: 'What?', so_what: 'So What?', now_what: 'Now What?' }

/** How an agenda item is run. */
export const ITEM_KINDS = ['plenary', 'storytelling', 'breakout'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** One block of the session's agenda, with its own clock. */
export interface AgendaItem {
  id: string
  title: string
  phase: Phase
  kind: ItemKind
  plannedMinutes: number
  /** Shown to everyone while the item runs, e.g. the So What guiding questions. */
  prompt: string
  clock: Clock
}

/** The agenda of Round 2 (D4.5 report, 6.2), which every new session starts from. */
export const ROUND2_AGENDA: ReadonlyArray<Omit<AgendaItem, 'id' | 'clock'>> = [
  { title: 'Welcome and frame', phase: 'none', kind: 'plenary', plannedMinutes: 10, prompt: 'Why we are here: reflect on Year 1 together and look ahead to Year 2.' },
  { title: 'Recap and check-in', phase: 'none', kind: 'plenary', plannedMinutes: 15, prompt: 'What has happened since the last round? Meet the others in the cluster.' },
  {
    title: 'Storytelling: Looking back',
    phase: 'what',
    kind: 'storytelling',
    plannedMinutes: 60,
    prompt: 'WHAT has happened? Each city shares early outcomes and 1–2 key learnings. Listeners: note what strikes you.',
  },
  {
    title: 'Breakouts',
    phase: 'so_what',
    kind: 'breakout',
    plannedMinutes: 30,
    prompt: 'SO WHAT are we learning together? Patterns, shared themes, common experiences: challenges, insights and aha moments, possibilities, blind spots.',
  },
  {
    title: 'Breakouts: Looking ahead',
    phase: 'now_what',
    kind: 'breakout',
    plannedMinutes: 25,
    prompt: 'NOW WHAT will we do? Ideas, synergies, revised actions or outcomes, risks or needs.',
  },
  { title: 'Wrap-up and close', phase: 'none', kind: 'plenary', plannedMinutes: 10, prompt: 'Summary and next steps.' },
]

/** A new agenda item with a fresh clock of its planned length. */
export function newAgendaItem(id: string, fields: Omit<AgendaItem, 'id' | 'clock'>): AgendaItem {
  return { ...fields, id, clock: newClock(fields.plannedMinutes * 60_000) }
}

/** Planned minutes of the whole agenda. */
export function plannedTotal(agenda: readonly AgendaItem[]): number {
  return agenda.reduce((sum, item) => sum + item.plannedMinutes, 0)
}

/** Minutes between two "HH:MM" times on the same day (negative if the end is earlier). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
  return toMinutes(end) - toMinutes(start)
}
