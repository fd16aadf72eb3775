import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { NewCard } from '@harvest/shared'
import { BOARD_ROOTS, addCard, deleteCard, editCardText, groupCards, updateCard } from '@harvest/shared'
import { plainCard, yjsPeers } from '../testing/yjsPeers'
import type { UpdateEffect } from './inspectUpdate'
import { inspectUpdate } from './inspectUpdate'
import { busiestClient, deepNesting, longEditChain, overlappingDeletions } from '../fuzz/hostileUpdates'

/** A server document and clients synced from it, with `seed` for cards accepted earlier. */
function setup() {
  const { server, client, act } = yjsPeers()
  /** Puts cards on the server as if accepted earlier. */
  const seed = (...cards: NewCard[]) => Y.applyUpdate(server, act(client(), (d) => cards.forEach((c, i) => addCard(d, c, 100 + i))))
  return { server, client, act, seed }
}

const card = plainCard

/** The effect as plain data: root → entry → { created, deleted, fields }. */
function plain(effect: UpdateEffect) {
  const roots: Record<string, Record<string, { created: boolean; deleted: boolean; fields: Record<string, unknown> }>> = {}
  for (const [root, entries] of effect.roots) {
    roots[root] = {}
    for (const [id, change] of entries) roots[root][id] = { ...change, fields: Object.fromEntries(change.fields) }
  }
  return { roots, unexplained: effect.unexplained }
}

describe('inspectUpdate', () => {
  it('reports a new card as created, with every field it is written with', () => {
    const { server, client, act } = setup()
    const update = act(client(), (d) => addCard(d, { ...card('c1'), kind: 'insight', levers: ['finance'], tags: ['heat'] }, 500))

    const { id: _, authorId, authorName, city, cityKind, area: __, ...written } = card('c1')
    // As the card is stored: its byline in one value, the fields left at their defaults (the plenary among them) left out.
    const fields = { ...written, kind: 'insight', levers: ['finance'], tags: ['heat'], byline: { authorId, authorName, city, cityKind, createdAt: 500 } }
    expect(plain(inspectUpdate(server, update))).toEqual({
      roots: { [BOARD_ROOTS.cards]: { c1: { created: true, deleted: false, fields } } },
      unexplained: [],
    })
  })

  it('reports a text edit as a field change of that card only', () => {
    const { server, client, act, seed } = setup()
    seed(card('c1'), card('c2'), card('c3', 'bob'))
    const update = act(client(), (d) => editCardText(d, 'c2', 'Sharper wording', 900))

    expect(plain(inspectUpdate(server, update))).toEqual({
      roots: { [BOARD_ROOTS.cards]: { c2: { created: false, deleted: false, fields: { text: 'Sharper wording', updatedAt: 900 } } } },
      unexplained: [],
    })
  })

  it('reports a deleted card as deleted, and nothing about the cards left', () => {
    const { server, client, act, seed } = setup()
    seed(card('c1'), card('c2'))
    const doc = client()
    // A card edited earlier still has replaced values in the document's history.
    Y.applyUpdate(server, act(doc, (d) => editCardText(d, 'c1', 'edited once', 200)))
    const update = act(doc, (d) => deleteCard(d, 'c1'))

    expect(plain(inspectUpdate(server, update))).toEqual({
      roots: { [BOARD_ROOTS.cards]: { c1: { created: false, deleted: true, fields: {} } } },
      unexplained: [],
    })
  })

  it('reports grouping two cards as a new pattern plus the patternId of each card', () => {
    const { server, client, act, seed } = setup()
    seed(card('c1'), card('c2', 'bob'), card('c3'))
    const pattern = { id: 'p1', name: 'Retrofit journeys', createdBy: 'hana', createdAt: 700 }
    const update = act(client(), (d) => groupCards(d, 'c1', 'c2', pattern, 800))

    expect(plain(inspectUpdate(server, update))).toEqual({
      roots: {
        [BOARD_ROOTS.patterns]: { p1: { created: true, deleted: false, fields: { name: 'Retrofit journeys', createdBy: 'hana', createdAt: 700 } } },
        [BOARD_ROOTS.cards]: {
          c1: { created: false, deleted: false, fields: { patternId: 'p1', updatedAt: 800 } },
          c2: { created: false, deleted: false, fields: { patternId: 'p1', updatedAt: 800 } },
        },
      },
      unexplained: [],
    })
  })

  it('reports an update that only repeats what the server has as touching nothing', () => {
    const { server, client, act, seed } = setup()
    seed(card('c1'), card('c2'))
    const doc = client()
    const edits = act(doc, (d) => {
      editCardText(d, 'c1', 'edited', 300)
      deleteCard(d, 'c2')
      addCard(d, card('c3'), 300)
    })
    Y.applyUpdate(server, edits)

    // The same update resent (a reconnecting client's sync step 2), and the client's whole state.
    for (const repeated of [edits, Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(server)]) {
      expect(plain(inspectUpdate(server, repeated))).toEqual({ roots: {}, unexplained: [] })
    }
  })

  it('reads a card written and then edited offline, in one update, as created with its latest text', () => {
    const { server, client, act } = setup()
    const update = act(client(), (d) => {
      addCard(d, card('c1', 'ann', 'first draft'), 100)
      editCardText(d, 'c1', 'second draft', 200)
      updateCard(d, 'c1', { kind: 'idea' }, 300)
    })

    const change = inspectUpdate(server, update).roots.get(BOARD_ROOTS.cards)?.get('c1')
    expect(change).toMatchObject({ created: true, deleted: false })
    expect(change?.fields.get('text')).toBe('second draft')
    expect(change?.fields.get('kind')).toBe('idea')
    expect(change?.fields.get('updatedAt')).toBe(300)
    expect(inspectUpdate(server, update).unexplained).toEqual([])
  })

  it('attributes concurrent edits from two clients each to the right card', () => {
    const { server, client, act, seed } = setup()
    seed(card('a1', 'ann'), card('b1', 'bob'))
    const ann = client()
    const bob = client()
    const fromAnn = act(ann, (d) => editCardText(d, 'a1', 'Ann, concurrently', 400))
    const fromBob = act(bob, (d) => {
      editCardText(d, 'b1', 'Bob, concurrently', 401)
      addCard(d, card('b2', 'bob'), 401)
    })

    // Each read against the same server state, then Bob's again after Ann's was accepted.
    expect(plain(inspectUpdate(server, fromAnn)).roots).toEqual({
      cards: { a1: { created: false, deleted: false, fields: { text: 'Ann, concurrently', updatedAt: 400 } } },
    })
    const bobsCards = {
      b1: { created: false, deleted: false, fields: { text: 'Bob, concurrently', updatedAt: 401 } },
      b2: { created: true, deleted: false, fields: expect.objectContaining({ byline: expect.objectContaining({ authorId: 'bob' }), text: 'card b2' }) },
    }
    expect(plain(inspectUpdate(server, fromBob))).toEqual({ roots: { cards: bobsCards }, unexplained: [] })

    // Merged into one update (as a relay may batch them), each edit still lands on its own card.
    const merged = plain(inspectUpdate(server, Y.mergeUpdates([fromAnn, fromBob])))
    expect(merged).toEqual({
      roots: { cards: { a1: { created: false, deleted: false, fields: { text: 'Ann, concurrently', updatedAt: 400 } }, ...bobsCards } },
      unexplained: [],
    })

    Y.applyUpdate(server, fromAnn)
    expect(plain(inspectUpdate(server, fromBob))).toEqual({ roots: { cards: bobsCards }, unexplained: [] })
  })

  it('reads a card edited many times offline (a long chain of replaced texts) as created with its last text', () => {
    const { server } = setup()
    const change = inspectUpdate(server, longEditChain(server, 3_000)).roots.get(BOARD_ROOTS.cards)?.get('chain-3000')
    expect(change).toMatchObject({ created: true, deleted: false })
    expect(change?.fields.get('text')).toBe('draft 2999')
    expect(inspectUpdate(server, longEditChain(server, 3_000)).unexplained).toEqual([])
  })

  it('reports Y.Maps nested 20,000 deep in a card field as unexplained, without running out of stack', () => {
    const { server } = setup()
    const effect = inspectUpdate(server, deepNesting(server, 20_000))
    expect(effect.roots.get(BOARD_ROOTS.cards)?.get('deep-20000')?.created).toBe(true)
    expect(effect.unexplained).toContain(`nested value in ${BOARD_ROOTS.cards}/notes`)
  })

  it('reads deletion ranges that repeat and overlap as one deletion of each card they cover', () => {
    const { server, client, act } = setup()
    const doc = client()
    Y.applyUpdate(server, act(doc, (d) => ['c1', 'c2'].forEach((id, i) => addCard(d, card(id), 100 + i))))
    const effect = plain(inspectUpdate(server, overlappingDeletions(busiestClient(server), 500)))
    expect(effect.unexplained).toEqual([])
    expect(effect.roots[BOARD_ROOTS.cards]).toEqual({
      c1: { created: false, deleted: true, fields: {} },
      c2: { created: false, deleted: true, fields: {} },
    })
  })
})
