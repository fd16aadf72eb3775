import express from 'express'
import type { Identity } from '@harvest/shared'
import { mayReadReport } from '@harvest/shared'
import { sendError } from '../http/errors'
import { contentDisposition } from '../report/fileName'
import { tokenOf } from '../report/reportRoutes'
import type { Storage } from '../storage/Storage'
import { surveyCsv } from './surveyCsv'
import { surveysOf } from './SurveyService'

/** What the survey's download needs from the server: the same as the report's. */
export interface SurveyRouteDeps {
  storage: Storage
  identify(token: string): Promise<Identity | null>
  isShared(sessionId: string): Promise<boolean>
}

/**
 * GET /api/sessions/:sessionId/survey.csv: the survey's answers without names, with the report's
 * rights (facilitators and harvesters always, everyone else once the report is shared).
 */
export function surveyRoutes({ storage, identify, isShared }: SurveyRouteDeps): express.Router {
  const router = express.Router()
  router.get('/sessions/:sessionId/survey.csv', async (req, res) => {
    const { sessionId } = req.params
    const token = tokenOf(req)
    if (!token) return sendError(res, 'unauthorized', 'send your member token as "Authorization: Bearer <token>" or ?token=')
    const identity = await identify(token)
    if (!identity) return sendError(res, 'unauthorized', 'unknown or revoked token')
    if (identity.sessionId !== sessionId) return sendError(res, 'not_found', 'no such session for this token')
    if (!mayReadReport(identity.role, await isShared(sessionId))) {
      return sendError(res, 'forbidden', 'the survey answers come with the report: the facilitator shares it when it is ready')
    }
    const session = await storage.getSession(sessionId)
    if (!session) return sendError(res, 'not_found', 'this session no longer exists')
    const { survey, answers } = await surveysOf(storage).read(sessionId)
    res.set('Content-Type', 'text/csv; charset=utf-8')
    res.set('Content-Disposition', contentDisposition(session, 'csv', 'Feedback survey'))
    res.set('Cache-Control', 'no-store')
    res.send(surveyCsv(survey, answers))
  })
  return router
}
