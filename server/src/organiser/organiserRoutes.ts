import express from 'express'
import type { SessionLinks, SessionList } from '@harvest/shared'
import type { DocRegistry } from '../documents/DocRegistry'
import { sendError } from '../http/errors'
import type { Storage } from '../storage/Storage'
import { listSessions } from './listSessions'
import type { OrganiserKey } from './OrganiserKey'

/** The bearer token of a request's Authorization header, or null. */
export function bearerOf(req: express.Request): string | null {
  return req.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null
}

/**
 * The organiser's API: GET /api/sessions (every session, newest first) and
 * GET /api/sessions/:id/links (its invitation links). Only with the organiser key in the
 * Authorization header: without it nobody can list sessions.
 */
export function organiserRoutes({ storage, docs, organiser }: { storage: Storage; docs: DocRegistry; organiser: OrganiserKey }): express.Router {
  const router = express.Router()

  const guard: express.RequestHandler = (req, res, next) => {
    const token = bearerOf(req)
    if (!token) return sendError(res, 'unauthorized', 'send the organiser key as "Authorization: Bearer <key>"')
    void organiser.isOrganiser(token).then(
      (ok) => (ok ? next() : sendError(res, 'unauthorized', 'this is not the organiser key')),
      next,
    )
  }

  router.get('/sessions', guard, async (_req, res, next) => {
    try {
      const body: SessionList = { sessions: await listSessions(storage, docs) }
      res.set('Cache-Control', 'no-store').json(body)
    } catch (error) {
      next(error)
    }
  })

  router.get('/sessions/:sessionId/links', guard, async (req: express.Request<{ sessionId: string }>, res, next) => {
    try {
      const session = await storage.getSession(req.params.sessionId)
      if (!session) return sendError(res, 'not_found', 'no such session on this server')
      const body: SessionLinks = { session, invites: await storage.listInvites(session.id) }
      res.set('Cache-Control', 'no-store').json(body)
    } catch (error) {
      next(error)
    }
  })
  return router
}
