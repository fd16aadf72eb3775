import type { Lever } from '../taxonomy'
import type { ReportEntry, ReportSurvey } from './report'

/** The formats of the programme's synthesis: the Harvest Report's own. */
export { REPORT_FORMATS as PROGRAMME_FORMATS } from './report'

/** One session the synthesis is built from. */
export interface ProgrammeSession {
  id: string
  title: string
  cluster: string
  round: string
  date: string
  /** How often each lever came up in this session (entries and cards naming it). */
  leverCounts: Record<Lever, number>
}

/** A harvest entry with the session it came from. */
export type ProgrammeEntry = ReportEntry & { sessionId: string }

/** One cluster's part: its sessions' harvest (the entries, not every card) and summaries. */
export interface ProgrammeCluster {
  cluster: string
  sessions: ProgrammeSession[]
  keyInsights: ProgrammeEntry[]
  /** The harvesters' summaries of each W³ section, one per session that wrote one. */
  summaries: { what: string[]; soWhat: string[]; nowWhat: string[] }
  what: ProgrammeEntry[]
  soWhat: ProgrammeEntry[]
  nowWhat: ProgrammeEntry[]
}

/** One lever of change across clusters: how often it came up and where. */
export interface ProgrammeLever {
  lever: Lever
  label: string
  /** Mentions (entries and cards naming it) summed over sessions. */
  count: number
  clusters: { cluster: string; count: number }[]
  /** Harvest entries naming the lever, key insights first. */
  entries: ProgrammeEntry[]
}

/** The feedback survey summed over the sessions that ran one. */
export interface ProgrammeSurvey extends ReportSurvey {
  /** How many sessions' surveys were summed. */
  sessions: number
}

/** The programme's synthesis across the sessions of a round, for the organiser. */
export interface ProgrammeReport {
  version: 1
  generatedAt: string
  /** The round it was asked for, or '' when chosen by a list of sessions. */
  round: string
  sessions: ProgrammeSession[]
  clusters: ProgrammeCluster[]
  /** Every lever that came up, most mentioned first. */
  levers: ProgrammeLever[]
  survey: ProgrammeSurvey | null
}

/** The synthesis's address; the organiser key goes in the Authorization header. */
export const programmeReportPath = (format: string, choice: { round: string } | { sessions: string[] }) =>
  `/api/programme/report.${format}?${'round' in choice ? `round=${encodeURIComponent(choice.round)}` : `sessions=${choice.sessions.map(encodeURIComponent).join(',')}`}`
