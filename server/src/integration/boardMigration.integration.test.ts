import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Member } from '@harvest/shared'
import { BOARD_ROOTS, BOARD_SCHEMA_VERSION, PLENARY_AREA, addCard, boardVersion, editCardText, getCard, getCards } from '@harvest/shared'
import { boardDocName } from '../documents/documentKinds'
import { createSession, joinAs } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll, track } from '../testing/cleanup'
import { connectBoard } from '../testing/clients'
import { startTestServer } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'

afterEach(disposeAll)

/** A board as it was stored before version 3: each author field a key of the card's own. */
function boardOfVersion2(author: Member): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap(BOARD_ROOTS.meta).set('schemaVersion', 2)
  const card = new Y.Map<unknown>()
  doc.getMap<Y.Map<unknown>>(BOARD_ROOTS.cards).set('old-1', card)
  const fields = {
    text: 'Written before the upgrade', kind: 'learning', authorId: author.id, authorName: author.name, city: author.city, cityKind: author.cityKind,
    area: PLENARY_AREA, levers: [], domains: [], tags: [], patternId: null, createdAt: 1_000, updatedAt: 1_000,
  }
  for (const [key, value] of Object.entries(fields)) card.set(key, value)
  return doc
}

describe('a board stored before card bylines', () => {
  it('is migrated when the server loads it, reads the same, and a browser that still holds the old shape syncs its offline edit', async () => {
    const server = await startTestServer()
    track(() => server.stop())
    const created = await createSession(server.url)
    const ann = await joinAs(server.url, created, 'participant', { name: 'Ann', city: 'Galway', cityKind: 'twin' })
    const stored = boardOfVersion2(ann.member)
    await server.storage.appendUpdate(boardDocName(created.session.id), Y.encodeStateAsUpdate(stored))
    // Ann's browser had the board open before the upgrade, and edits her card offline.
    const annsCopy = new Y.Doc()
    Y.applyUpdate(annsCopy, Y.encodeStateAsUpdate(stored))
    editCardText(annsCopy, 'old-1', 'Edited while offline', 2_000)

    const fran = connectBoard(server.url, created.session.id, created.memberToken)
    await fran.synced()
    expect(boardVersion(fran.doc)).toBe(BOARD_SCHEMA_VERSION)
    expect(getCards(fran.doc).get('old-1')!.get('byline')).toEqual({ authorId: ann.member.id, authorName: 'Ann', city: 'Galway', cityKind: 'twin', createdAt: 1_000 })
    expect(getCards(fran.doc).get('old-1')!.has('authorName')).toBe(false)
    expect(getCard(fran.doc, 'old-1')).toMatchObject({ text: 'Written before the upgrade', kind: 'learning', authorName: 'Ann', city: 'Galway', cityKind: 'twin', createdAt: 1_000 })

    const annBoard = connectBoard(server.url, created.session.id, ann.memberToken, annsCopy)
    await annBoard.synced()
    await waitFor(() => getCard(fran.doc, 'old-1')?.text === 'Edited while offline', 5_000, 'the offline edit reaches Fran')
    addCard(annsCopy, cardBy(ann.member, 'new-1', 'Written after the upgrade'))
    await waitFor(() => cardIds(fran.doc).includes('new-1'), 5_000, 'the new card reaches Fran')
    expect(annBoard.closed).toBeNull()
    expect(getCard(fran.doc, 'old-1')).toMatchObject({ text: 'Edited while offline', authorName: 'Ann', city: 'Galway', createdAt: 1_000, updatedAt: 2_000 })
    expect(getCard(annsCopy, 'old-1')).toEqual(getCard(fran.doc, 'old-1'))
    expect(getCard(fran.doc, 'new-1')).toMatchObject({ authorId: ann.member.id, authorName: 'Ann', city: 'Galway', cityKind: 'twin' })
  })
})
