import express from 'express'
import type { CreateSessionResult, DemoInfo, InviteInfo, JoinResult, StoreStatus } from '@harvest/shared'
import { JOIN_ENDED_MESSAGE, LIMITS, STORE_OK_MESSAGE, STAGE_LINK_NO_JOIN, isJoinInvite, createSessionBody, describeIssues, joinBody, missingParticipantFields, tokenSchema } from '@harvest/shared'
import { findDemoSession } from '../demo/seedDemo'
import { createSession } from '../sessions/createSession'
import { addMember } from '../sessions/joinSession'
import type { Storage } from '../storage/Storage'
import { JOINS_PER_ADDRESS } from '../realtime/RateLimit'
import { errorHandler, sendError } from './errors'
import type { LimitDeps } from './rateLimited'
import { rateLimited } from './rateLimited'

const STORE_OK: StoreStatus = { ok: true, store: 'ok', since: null, message: STORE_OK_MESSAGE }

/** The JSON API under /api: create a session, read an invitation, join with it. */
/** What the API reads from the rest of the server. */
export interface ApiOptions {
  showDemo?: boolean
  /** When the session ended (null while it runs): an ended session admits nobody new. */
  endedAt?: (sessionId: string) => Promise<number | null>
  /** Where the rate limits read a request's address and the time. */
  limits?: LimitDeps
  /** Whether the store takes writes; /api/health answers 503 with the reason while it does not. */
  storeStatus?: () => StoreStatus
}

export function apiRoutes(storage: Storage, { showDemo = false, endedAt = async () => null, limits, storeStatus = () => STORE_OK }: ApiOptions = {}): express.Router {
  const api = express.Router()
  const joinLimit = rateLimited(JOINS_PER_ADDRESS, 'joins', limits)
  api.use(express.json({ limit: LIMITS.httpBodyMaxBytes }))

  api.get('/health', (_req, res) => {
    const status = storeStatus()
    res.status(status.ok ? 200 : 503).json(status)
  })

  // The home page offers the demo's links so a first run can be tried at once. Only when the
  // server seeds the demo (SEED_DEMO, on by default): a real deployment switches both off.
  api.get('/demo', async (_req, res) => {
    const demo = showDemo ? await findDemoSession(storage) : null
    if (!demo) return sendError(res, 'not_found', 'this server has no demo session')
    const info: DemoInfo = { session: demo.session, invites: demo.invites }
    res.json(info)
  })

  api.post('/sessions', async (req, res) => {
    const body = createSessionBody.safeParse(req.body)
    if (!body.success) return sendError(res, 'invalid', describeIssues(body.error))
    const result: CreateSessionResult = await createSession(storage, body.data)
    res.status(201).json(result)
  })

  api.get('/invites/:token', async (req, res) => {
    const token = tokenSchema.safeParse(req.params.token)
    const invite = token.success ? await storage.findInvite(token.data) : undefined
    if (!invite) return sendError(res, 'not_found', 'this invitation link is not valid: ask the facilitator for a new one')
    if (!isJoinInvite(invite)) return sendError(res, 'not_found', STAGE_LINK_NO_JOIN)
    const session = await storage.getSession(invite.sessionId)
    if (!session) return sendError(res, 'not_found', 'this session no longer exists')
    const info: InviteInfo = { session, role: invite.role, endedAt: await endedAt(session.id) }
    res.json(info)
  })

  api.post('/join', joinLimit, async (req, res) => {
    const body = joinBody.safeParse(req.body)
    if (!body.success) return sendError(res, 'invalid', describeIssues(body.error))
    const invite = await storage.findInvite(body.data.token)
    if (!invite) return sendError(res, 'unauthorized', 'this invitation link is not valid: ask the facilitator for a new one')
    if (!isJoinInvite(invite)) return sendError(res, 'forbidden', STAGE_LINK_NO_JOIN)
    const session = await storage.getSession(invite.sessionId)
    if (!session) return sendError(res, 'not_found', 'this session no longer exists')
    // Members keep their access after the end; the link only stops making new ones.
    if ((await endedAt(session.id)) !== null) return sendError(res, 'conflict', JOIN_ENDED_MESSAGE)
    const missing = missingParticipantFields(invite.role, body.data)
    if (missing) return sendError(res, 'invalid', missing)
    const { name, city, cityKind } = body.data
    const result: JoinResult = await addMember(storage, session, { name, role: invite.role, city, cityKind })
    res.status(201).json(result)
  })

  api.use((_req, res) => sendError(res, 'not_found', 'no such API route'))
  api.use(errorHandler)
  return api
}
