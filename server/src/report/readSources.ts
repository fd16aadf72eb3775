import type { ControlRecord, Storage } from '../storage/Storage'
import { voteTotals } from '../votes/votes'
import { reportSurvey } from '../survey/reportSurvey'
import type { SourceReader } from './ReportSources'

/** What the reader needs from the running server. */
export interface SourceDeps {
  storage: Storage
  readControl(sessionId: string): Promise<ControlRecord>
  /** Every stored update of a session's board or harvest document, including all it has accepted so far. */
  documentState(kind: 'board' | 'harvest', sessionId: string): Promise<Uint8Array[]>
  now(): number
}

/** Reads a session's records as they stand now, for one report. */
export function sourceReader({ storage, readControl, documentState, now }: SourceDeps): SourceReader {
  return {
    async read(sessionId) {
      const session = await storage.getSession(sessionId)
      if (!session) return null
      const [members, record, board, harvest, survey] = await Promise.all([
        storage.listMembers(sessionId),
        readControl(sessionId),
        documentState('board', sessionId),
        documentState('harvest', sessionId),
        reportSurvey(storage, sessionId),
      ])
      return {
        session,
        members,
        control: record.state,
        notes: record.notes,
        voteTotals: record.vote ? voteTotals(record.vote) : {},
        board,
        harvest,
        survey,
        now: now(),
      }
    },
  }
}
