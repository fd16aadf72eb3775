import express from 'express'
import type { Identity, PackFormat } from '@harvest/shared'
import { PACK_FORMATS, can, isParticipant } from '@harvest/shared'
import { sendError } from '../../http/errors'
import { contentDisposition } from '../fileName'
import { tokenOf } from '../reportRoutes'
import type { ReportService } from '../ReportService'
import { buildLearningPack, findPackCity } from './buildLearningPack'
import { PACK_RENDERERS } from './packFormats'
import { renderPacksZip } from './packZip'

/** What the learning pack routes need from the server. */
export interface PackRouteDeps {
  reports: Pick<ReportService, 'report'>
  identify(token: string): Promise<Identity | null>
  isOrganiser?(token: string): Promise<boolean>
}

const isPackFormat = (value: string): value is PackFormat => (PACK_FORMATS as readonly string[]).includes(value)

type Access = { ok: true; who: Identity | 'organiser' } | { ok: false; status: 'unauthorized' | 'not_found'; message: string }

/**
 * GET /api/sessions/:id/packs/:city.:format and /packs.zip. A participant downloads their own
 * city's pack at any time (it holds what the city needs for its own reporting, and nothing the
 * city did not already see on the board); facilitators, harvesters and the organiser any city's;
 * the zip of all packs is for facilitators and the organiser.
 */
export function packRoutes({ reports, identify, isOrganiser = async () => false }: PackRouteDeps): express.Router {
  const router = express.Router()

  async function access(req: express.Request, sessionId: string): Promise<Access> {
    const token = tokenOf(req)
    if (!token) return { ok: false, status: 'unauthorized', message: 'send your member token as "Authorization: Bearer <token>" or ?token=' }
    if (await isOrganiser(token)) return { ok: true, who: 'organiser' }
    const identity = await identify(token)
    if (!identity) return { ok: false, status: 'unauthorized', message: 'unknown or revoked token' }
    // Another session's id answers as if it did not exist, as the report's route does.
    if (identity.sessionId !== sessionId) return { ok: false, status: 'not_found', message: 'no such session for this token' }
    return { ok: true, who: identity }
  }

  const send = (res: express.Response, body: string | Uint8Array, contentType: string, disposition: string) => {
    res.set('Content-Type', contentType).set('Content-Disposition', disposition).set('Cache-Control', 'no-store')
    res.send(typeof body === 'string' ? body : Buffer.from(body))
  }

  router.get('/sessions/:sessionId/packs.zip', async (req: express.Request<{ sessionId: string }>, res, next) => {
    try {
      const found = await access(req, req.params.sessionId)
      if (!found.ok) return sendError(res, found.status, found.message)
      if (found.who !== 'organiser' && !can(found.who.role, 'report:share')) return sendError(res, 'forbidden', 'all learning packs at once are for facilitators; download your own city’s pack instead')
      const report = await reports.report(req.params.sessionId)
      if (!report) return sendError(res, 'not_found', 'this session no longer exists')
      send(res, await renderPacksZip(report), 'application/zip', contentDisposition(report.session, 'zip', 'Learning packs'))
    } catch (error) {
      next(error)
    }
  })

  router.get('/sessions/:sessionId/packs/:file', async (req: express.Request<{ sessionId: string; file: string }>, res, next) => {
    try {
      const { sessionId, file } = req.params
      const dot = file.lastIndexOf('.')
      const [name, format] = dot > 0 ? [file.slice(0, dot), file.slice(dot + 1)] : [file, '']
      if (!isPackFormat(format)) return sendError(res, 'not_found', `no learning pack format "${format}": use one of ${PACK_FORMATS.join(', ')}`)
      const found = await access(req, sessionId)
      if (!found.ok) return sendError(res, found.status, found.message)
      const report = await reports.report(sessionId)
      if (!report) return sendError(res, 'not_found', 'this session no longer exists')
      const city = findPackCity(report, name)
      if (!city) return sendError(res, 'not_found', `no city "${name}" in this session`)
      if (found.who !== 'organiser' && !can(found.who.role, 'report:read')) {
        const own = found.who.kind === 'member' && isParticipant(found.who.role) ? found.who.member.city : null
        if (own !== city) return sendError(res, 'forbidden', 'a participant downloads their own city’s learning pack only')
      }
      const { render, contentType, extension } = PACK_RENDERERS[format]
      send(res, await render(buildLearningPack(report, city)), contentType, contentDisposition(report.session, extension, `Learning pack - ${city}`))
    } catch (error) {
      next(error)
    }
  })
  return router
}
