import type { SessionListing } from '@harvest/shared'
import { getCards } from '@harvest/shared'
import { boardDocName } from '../documents/documentKinds'
import type { DocRegistry } from '../documents/DocRegistry'
import { readStoredDoc } from '../documents/readStoredDoc'
import type { Storage } from '../storage/Storage'

/**
 * Every session on the server, newest first, with what the organiser's list shows. Each board
 * is read from the store and let go at once, so listing a hundred sessions keeps none of them
 * in memory; the end is read from the stored control, which is saved before anyone is told.
 */
export async function listSessions(storage: Storage, docs: DocRegistry): Promise<SessionListing[]> {
  const sessions = await storage.listSessions()
  const listings: SessionListing[] = []
  for (const session of sessions) {
    const [members, control, board] = await Promise.all([
      storage.listMembers(session.id),
      storage.getControl(session.id),
      readStoredDoc(storage, docs, boardDocName(session.id)),
    ])
    const cards = getCards(board).size
    board.destroy()
    listings.push({ session, people: members.length, cards, endedAt: control?.state.endedAt ?? null })
  }
  return listings
}
