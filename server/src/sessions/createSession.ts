import { v4 as uuid } from 'uuid'
import type { CreateSessionInput, CreateSessionResult, Invite, SessionInfo } from '@harvest/shared'
import { INVITE_ROLES } from '@harvest/shared'
import { newControl } from '../control/newControl'
import type { Storage } from '../storage/Storage'
import { addMember } from './joinSession'
import { newToken } from './tokens'

/** Creates a session with one invitation link per role and its stage link, without a first member. */
export async function createSessionRecord(
  storage: Storage,
  input: Omit<CreateSessionInput, 'facilitatorName'>,
  now = Date.now(),
): Promise<{ session: SessionInfo; invites: Invite[] }> {
  const session: SessionInfo = {
    id: uuid(),
    title: input.title,
    cluster: input.cluster,
    date: input.date,
    round: input.round ?? '',
    cities: input.cities ?? [],
    createdAt: now,
  }
  const invites = INVITE_ROLES.map((role) => ({ token: newToken(), sessionId: session.id, role, createdAt: now }))
  await storage.createSession(session, invites)
  return { session, invites }
}

/** A facilitator creates a session from the browser and becomes its first member. */
export async function createSession(storage: Storage, body: CreateSessionInput, now = Date.now()): Promise<CreateSessionResult> {
  const { facilitatorName, ...input } = body
  const { session, invites } = await createSessionRecord(storage, input, now)
  const joined = await addMember(storage, session, { name: facilitatorName, role: 'facilitator', city: '', cityKind: null }, now)
  // The creator leads from the start: the agenda and clocks are theirs to run.
  await storage.saveControl(session.id, newControl({ leadId: joined.member.id, cities: session.cities }), 0)
  return { ...joined, invites }
}
