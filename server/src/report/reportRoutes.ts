import express from 'express'
import type { Identity } from '@harvest/shared'
import { REPORT_FORMATS, mayReadReport } from '@harvest/shared'
import type { ReportFormat } from '@harvest/shared'
import { sendError } from '../http/errors'
import { contentDisposition } from './fileName'
import { PdfBusy, PdfTimeout, PdfUnavailable } from './pdf/ChromiumPrinter'
import { REPORT_JSON_SCHEMA } from './reportSchema'
import type { ReportService } from './ReportService'

/** What the report routes need from the server. */
export interface ReportRouteDeps {
  reports: ReportService
  /** Who holds a token (a member's or an invitation's), or null when nobody does. */
  identify(token: string): Promise<Identity | null>
  /** Whether the facilitator shared the report with everyone in the session. */
  isShared(sessionId: string): Promise<boolean>
  /** Whether a token is the organiser's key, which downloads any session's report. */
  isOrganiser?(token: string): Promise<boolean>
}

/** The bearer token of a request: the Authorization header, or `?token=` for a plain link. */
export function tokenOf(req: express.Request): string | null {
  const header = req.get('authorization')
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1]
  if (bearer) return bearer
  const query = req.query.token
  return typeof query === 'string' && query ? query : null
}

const isFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value)

/**
 * GET /api/sessions/:sessionId/report.:format and the report's JSON Schema. Facilitators and
 * harvesters download at any time; everyone else once the facilitator has shared the report.
 */
export function reportRoutes({ reports, identify, isShared, isOrganiser = async () => false }: ReportRouteDeps): express.Router {
  const router = express.Router()

  router.get('/report.schema.json', (_req, res) => void res.type('application/schema+json').json(REPORT_JSON_SCHEMA))

  router.get('/sessions/:sessionId/report.:format', async (req, res) => {
    const { sessionId, format } = req.params
    if (!isFormat(format)) return sendError(res, 'not_found', `no report format "${format}": use one of ${REPORT_FORMATS.join(', ')}`)
    const token = tokenOf(req)
    if (!token) return sendError(res, 'unauthorized', 'send your member token as "Authorization: Bearer <token>" or ?token=')
    if (!(await isOrganiser(token))) {
      const identity = await identify(token)
      if (!identity) return sendError(res, 'unauthorized', 'unknown or revoked token')
      // Another session's id answers as if it did not exist: a token opens its own session only.
      if (identity.sessionId !== sessionId) return sendError(res, 'not_found', 'no such session for this token')
      if (!mayReadReport(identity.role, await isShared(sessionId))) {
        return sendError(res, 'forbidden', 'the report is not shared yet: the facilitator shares it with everyone when it is ready')
      }
    }
    try {
      const file = await reports.render(sessionId, format)
      if (!file) return sendError(res, 'not_found', 'this session no longer exists')
      res.set('Content-Type', file.contentType)
      res.set('Content-Disposition', contentDisposition(file.session, file.extension))
      res.set('Cache-Control', 'no-store')
      res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body))
    } catch (error) {
      if (error instanceof PdfUnavailable) return void res.status(503).json({ error: 'unavailable', message: error.message })
      if (error instanceof PdfBusy || error instanceof PdfTimeout) return void res.status(503).set('Retry-After', '5').json({ error: 'unavailable', message: error.message })
      console.error('[report] rendering failed', error)
      sendError(res, 'internal', 'the report could not be rendered; nothing was changed, try again')
    }
  })
  return router
}
