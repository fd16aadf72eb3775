import type { ControlState, Member, ReportSurvey, SessionInfo, StoryNotes } from '@harvest/shared'

/**
 * What the report is built from, as the server holds it at one moment. The documents travel as
 * their stored Yjs updates so the whole value can cross to the report worker without sharing memory:
 * decoding and rendering a large board there keeps the event loop free for live traffic.
 */
export interface ReportSources {
  session: SessionInfo
  members: Member[]
  control: ControlState
  notes: Record<string, StoryNotes>
  /** Card id → dots of the session's latest vote. */
  voteTotals: Record<string, number>
  /** The stored updates of each document, applied in the worker: encoding a large board on the event loop would stall live traffic. */
  board: Uint8Array[]
  harvest: Uint8Array[]
  survey: ReportSurvey | null
  now: number
}

/** Where the report service reads a session's records; the app wires it to its stores. */
export interface SourceReader {
  /** Null when there is no such session. */
  read(sessionId: string): Promise<ReportSources | null>
}
