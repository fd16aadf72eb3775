import express from 'express'
import type { Report, ReportFormat } from '@harvest/shared'
import { REPORT_FORMATS } from '@harvest/shared'
import { sendError } from '../../http/errors'
import { PdfBusy, PdfTimeout, PdfUnavailable } from '../pdf/ChromiumPrinter'
import type { PdfPrinter } from '../Renderer'
import { buildProgrammeReport } from './buildProgrammeReport'
import { PROGRAMME_RENDERERS } from './programmeFormats'

/** A session as the synthesis chooses among them. */
export interface ProgrammeCandidate {
  id: string
  round: string
  ended: boolean
}

/** What the programme route needs from the server. */
export interface ProgrammeRouteDeps {
  isOrganiser(token: string | null): Promise<boolean>
  /** Every session on the server, oldest first (the order the synthesis lists them in). */
  sessions(): Promise<ProgrammeCandidate[]>
  /** The built Harvest Report of a session, or null when it does not exist. */
  reportOf(sessionId: string): Promise<Report | null>
  pdf: PdfPrinter | null
  now(): number
}

const isFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value)
/** A large round still makes a readable synthesis; more than this is a mistaken request. */
const MAX_SESSIONS = 60

/**
 * GET /api/programme/report.:format?round=<round> (the round's ended sessions) or
 * ?sessions=id1,id2 (exactly those, ended or not: the organiser chose them), with the
 * organiser key as "Authorization: Bearer <key>".
 */
export function programmeRoutes({ isOrganiser, sessions, reportOf, pdf, now }: ProgrammeRouteDeps): express.Router {
  const router = express.Router()
  router.get('/programme/report.:format', async (req: express.Request<{ format: string }>, res, next) => {
    try {
      const { format } = req.params
      if (!isFormat(format)) return sendError(res, 'not_found', `no format "${format}": use one of ${REPORT_FORMATS.join(', ')}`)
      const token = req.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null
      if (!(await isOrganiser(token))) return sendError(res, 'unauthorized', 'send the organiser key as "Authorization: Bearer <key>"')
      const round = typeof req.query.round === 'string' ? req.query.round.trim() : ''
      const listed = typeof req.query.sessions === 'string' ? req.query.sessions.split(',').map((s) => s.trim()).filter(Boolean) : []
      if (!round && listed.length === 0) return sendError(res, 'invalid', 'choose the sessions with ?round=<round> or ?sessions=<id>,<id>')
      const all = await sessions()
      let chosen: ProgrammeCandidate[]
      if (listed.length > 0) {
        const missing = listed.filter((id) => !all.some((s) => s.id === id))
        if (missing.length > 0) return sendError(res, 'not_found', `no session ${missing.join(', ')} on this server`)
        chosen = all.filter((s) => listed.includes(s.id))
      } else chosen = all.filter((s) => s.round === round && s.ended)
      if (chosen.length > MAX_SESSIONS) return sendError(res, 'invalid', `at most ${MAX_SESSIONS} sessions in one synthesis`)
      const reports: Report[] = []
      // One after another: each report is built in the one report process anyway.
      for (const s of chosen) {
        const report = await reportOf(s.id)
        if (report) reports.push(report)
      }
      const programme = buildProgrammeReport(reports, { round: listed.length > 0 ? '' : round, rounds: Object.fromEntries(chosen.map((s) => [s.id, s.round])), now: now() })
      const { render, contentType, extension } = PROGRAMME_RENDERERS[format]
      const body = await render(programme, pdf)
      const name = `Programme synthesis${programme.round ? ` - ${programme.round}` : ''}`.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_')
      res.set('Content-Type', contentType).set('Cache-Control', 'no-store')
      res.set('Content-Disposition', `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`)
      res.send(typeof body === 'string' ? body : Buffer.from(body))
    } catch (error) {
      if (error instanceof PdfUnavailable || error instanceof PdfBusy || error instanceof PdfTimeout) return void res.status(503).json({ error: 'unavailable', message: error.message })
      next(error)
    }
  })
  return router
}
