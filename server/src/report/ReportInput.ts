import type { Card, ControlState, HarvestEntry, HarvestSection, Member, Pattern, ReportSurvey, SessionInfo, StoryNotes } from '@harvest/shared'

/** A session's records as plain values: everything buildReport reads, and nothing it has to fetch. */
export interface ReportInput {
  session: SessionInfo
  members: Member[]
  control: ControlState
  /** Every storyteller's prepared notes, by story id (as ControlRecord.notes keeps them). */
  notes: Record<string, StoryNotes>
  /** Card id → dots of the session's latest vote. */
  voteTotals: Record<string, number>
  cards: Card[]
  patterns: Pattern[]
  entries: HarvestEntry[]
  summaries: Record<HarvestSection, string>
  survey: ReportSurvey | null
  /** The moment the report shows the session at (epoch ms); running clocks are read against it. */
  now: number
}
