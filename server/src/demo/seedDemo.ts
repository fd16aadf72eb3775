import { v4 as uuid } from 'uuid'
import * as Y from 'yjs'
import type { Invite, SessionInfo } from '@harvest/shared'
import { PLENARY_AREA, addCard, migrateBoard } from '@harvest/shared'
import { boardDocName } from '../documents/documentKinds'
import { createSessionRecord } from '../sessions/createSession'
import type { Storage } from '../storage/Storage'
import { CLUSTER4 } from './cluster4'

const DEMO_KEY = 'demoSessionId'

/**
 * Creates the Cluster 4 demo session on first start, with a few opening cards, and returns
 * it with its links on every start so they can be printed.
 */
/** The demo session and its links, if this server created one. */
export async function findDemoSession(storage: Storage): Promise<{ session: SessionInfo; invites: Invite[] } | null> {
  const id = await storage.getMeta(DEMO_KEY)
  const session = id ? await storage.getSession(id) : undefined
  return session ? { session, invites: await storage.listInvites(session.id) } : null
}

export async function ensureDemoSession(storage: Storage, today = new Date()): Promise<{ session: SessionInfo; invites: Invite[] }> {
  const existing = await findDemoSession(storage)
  if (existing) return existing

  const { title, cluster, cities } = CLUSTER4
  const date = today.toISOString().slice(0, 10)
  const created = await createSessionRecord(storage, { title, cluster, date, round: 'Round 2', cities: [...cities] })
  await storage.appendUpdate(boardDocName(created.session.id), demoBoard(created.session))
  await storage.setMeta(DEMO_KEY, created.session.id)
  return created
}

function demoBoard(session: SessionInfo): Uint8Array {
  const doc = new Y.Doc()
  migrateBoard(doc)
  CLUSTER4.cards.forEach(({ city, text, kind, levers }, i) => {
    const cityKind = session.cities.find((c) => c.name === city)?.kind ?? null
    addCard(
      doc,
      { id: uuid(), text, kind, levers: [...levers], authorId: 'demo', authorName: 'Round 2 report', city, cityKind, area: PLENARY_AREA },
      session.createdAt + i,
    )
  })
  return Y.encodeStateAsUpdate(doc)
}
