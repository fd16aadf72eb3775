import type { ProgrammeEntry, ProgrammeReport, ProgrammeSurvey } from '@harvest/shared'
import { entryMeta } from '../renderers/reportText'

/** The synthesis's wording that every format shares, as plain unescaped text. */

/** The synthesis's title: "Programme synthesis: Round 2". */
export const programmeTitle = (report: ProgrammeReport) => `Programme synthesis${report.round ? `: ${report.round}` : ''}`

/** "3 sessions in 2 clusters". */
export function scopeLine(report: ProgrammeReport): string {
  const s = report.sessions.length
  const c = report.clusters.length
  return `${s} ${s === 1 ? 'session' : 'sessions'} in ${c} ${c === 1 ? 'cluster' : 'clusters'}`
}

/** "26 pilot and 7 twin city answers from 3 sessions", as the programme's own report counts them. */
export function programmeResponses(survey: ProgrammeSurvey): string {
  return `${survey.pilotResponses} pilot and ${survey.twinResponses} twin city answers (${survey.responses} in all) from ${survey.sessions} ${survey.sessions === 1 ? 'session' : 'sessions'}`
}

/** "Finance came up 7 times, in Cluster 4 (5), Cluster 1 (2)". */
export function leverLine(lever: ProgrammeReport['levers'][number]): string {
  return `${lever.count} ${lever.count === 1 ? 'mention' : 'mentions'} in ${lever.clusters.length} ${lever.clusters.length === 1 ? 'cluster' : 'clusters'}: ${lever.clusters.map((c) => `${c.cluster} (${c.count})`).join(', ')}`
}

/** What an entry's line says besides its text, with the session it came from. */
export function programmeEntryMeta(report: ProgrammeReport, entry: ProgrammeEntry): string {
  const session = report.sessions.find((s) => s.id === entry.sessionId)
  return [entryMeta(entry), session ? `${session.title} (${session.date})` : ''].filter(Boolean).join(' · ')
}

/** The W³ parts of a cluster, in reading order. */
export const CLUSTER_PARTS = [
  { key: 'what', summary: 'what', title: 'What? — what happened' },
  { key: 'soWhat', summary: 'soWhat', title: 'So What? — what it means' },
  { key: 'nowWhat', summary: 'nowWhat', title: 'Now What? — what comes next' },
] as const

/** Why the synthesis holds harvest entries and not every card, said once at its top. */
export const PROGRAMME_ABOUT =
  'Built from the harvest of each session: key insights and what harvesters promoted under What, So What and Now What. Every card stays in each session’s own Harvest Report.'
