import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addCard,
  deleteCard,
  deletePattern,
  editCardText,
  getCard,
  groupCards,
  listCards,
  listPatterns,
  migrateBoard,
  renamePattern,
  updateCard,
} from '@harvest/shared'
import { plainCard } from '../testing/yjsPeers'
import { diffBoards, restoreBoard, restoreCard, snapshotDoc } from './snapshots'

const card = plainCard

const pattern = (id: string, name = `pattern ${id}`) => ({ id, name, createdBy: 'hana', createdAt: 50 })

/** A board with three cards, two of them grouped, and its snapshot taken as the server stores it. */
function boardWithSnapshot() {
  const board = new Y.Doc()
  migrateBoard(board)
  addCard(board, card('c1'), 1)
  addCard(board, card('c2', 'bob'), 2)
  addCard(board, card('c3'), 3)
  groupCards(board, 'c1', 'c2', pattern('p1', 'Retrofit journeys'), 4)
  const snapshot = snapshotDoc(Y.encodeStateAsUpdate(board))
  return { board, snapshot }
}

const ORIGIN = { server: true }

describe('diffBoards', () => {
  it('lists cards added, removed and changed since the snapshot', () => {
    const { board, snapshot } = boardWithSnapshot()
    const removed = getCard(board, 'c3')
    const before = getCard(board, 'c2')
    deleteCard(board, 'c3')
    editCardText(board, 'c2', 'Bob rewrote it', 10)
    const added = addCard(board, card('c4', 'bob'), 11)

    const diff = diffBoards(snapshot, board)
    expect(diff.added).toEqual([added])
    expect(diff.removed).toEqual([removed])
    expect(diff.changed).toEqual([{ before, after: getCard(board, 'c2') }])
  })

  it('finds nothing between a board and its own snapshot, nor for a save that changed only the time', () => {
    const { board, snapshot } = boardWithSnapshot()
    expect(diffBoards(snapshot, board)).toEqual({ added: [], removed: [], changed: [] })
    editCardText(board, 'c1', 'card c1', 99)
    expect(diffBoards(snapshot, board)).toEqual({ added: [], removed: [], changed: [] })
  })
})

describe('restoreCard', () => {
  it('brings back a deleted card exactly as it was, as one change', () => {
    const { board, snapshot } = boardWithSnapshot()
    const original = getCard(board, 'c3')
    deleteCard(board, 'c3')
    const origins: unknown[] = []
    board.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))

    expect(restoreCard(snapshot, board, 'c3', ORIGIN)).toBe(true)
    expect(getCard(board, 'c3')).toEqual(original)
    expect(origins).toEqual([ORIGIN])
    expect(listCards(board).map((c) => c.id)).toEqual(['c1', 'c2', 'c3'])
  })

  it('brings back the pattern of a restored card when that pattern is gone too', () => {
    const { board, snapshot } = boardWithSnapshot()
    const original = getCard(board, 'c1')
    deleteCard(board, 'c1')
    deletePattern(board, 'p1', 20)
    expect(listPatterns(board)).toEqual([])

    restoreCard(snapshot, board, 'c1', ORIGIN)
    expect(getCard(board, 'c1')).toEqual(original)
    expect(listPatterns(board)).toEqual(listPatterns(snapshot))
  })

  it('leaves a pattern that still exists as it is now', () => {
    const { board, snapshot } = boardWithSnapshot()
    deleteCard(board, 'c1')
    renamePattern(board, 'p1', 'Renamed since')

    restoreCard(snapshot, board, 'c1', ORIGIN)
    expect(getCard(board, 'c1')?.patternId).toBe('p1')
    expect(listPatterns(board).map((p) => p.name)).toEqual(['Renamed since'])
  })

  it('puts an edited card back to its text in the snapshot', () => {
    const { board, snapshot } = boardWithSnapshot()
    updateCard(board, 'c3', { text: 'Vandalised', tags: ['oops'] }, 30)
    restoreCard(snapshot, board, 'c3', ORIGIN)
    expect(getCard(board, 'c3')).toEqual(getCard(snapshot, 'c3'))
  })

  it('refuses a card the snapshot does not have, and changes nothing', () => {
    const { board, snapshot } = boardWithSnapshot()
    addCard(board, card('later'), 40)
    const state = Y.encodeStateVector(board)
    expect(restoreCard(snapshot, board, 'never-there', ORIGIN)).toBe(false)
    expect(Y.encodeStateVector(board)).toEqual(state)
    expect(getCard(board, 'never-there')).toBeNull()
  })
})

describe('restoreBoard', () => {
  /** Changes everything a session might between a snapshot and a restore. */
  function changeEverything(board: Y.Doc) {
    deleteCard(board, 'c3')
    editCardText(board, 'c2', 'Bob rewrote it', 60)
    updateCard(board, 'c1', { kind: 'risk_or_need', tags: ['late'] }, 61)
    addCard(board, card('c9', 'bob'), 62)
    renamePattern(board, 'p1', 'Renamed')
    groupCards(board, 'c9', 'c1', pattern('p2'), 63)
  }

  it('makes the cards and patterns equal to the snapshot', () => {
    const { board, snapshot } = boardWithSnapshot()
    changeEverything(board)
    expect(diffBoards(snapshot, board)).not.toEqual({ added: [], removed: [], changed: [] })

    restoreBoard(snapshot, board, ORIGIN)
    expect(listCards(board)).toEqual(listCards(snapshot))
    expect(listPatterns(board)).toEqual(listPatterns(snapshot))
    expect(diffBoards(snapshot, board)).toEqual({ added: [], removed: [], changed: [] })
  })

  it('brings a client synced before the restore to the same cards once it receives the server’s update', () => {
    const { board: server, snapshot } = boardWithSnapshot()
    changeEverything(server)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    expect(listCards(client)).toEqual(listCards(server))

    const relayed: Uint8Array[] = []
    server.on('update', (update: Uint8Array) => relayed.push(update))
    restoreBoard(snapshot, server, ORIGIN)
    expect(relayed).toHaveLength(1)

    relayed.forEach((update) => Y.applyUpdate(client, update))
    expect(listCards(client)).toEqual(listCards(snapshot))
    expect(listPatterns(client)).toEqual(listPatterns(snapshot))
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(server))
  })

  it('converges with a client that edited concurrently, both ways', () => {
    const { board: server, snapshot } = boardWithSnapshot()
    changeEverything(server)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const clientBefore = Y.encodeStateVector(client)
    editCardText(client, 'c1', 'Ann, while the restore ran', 70)
    addCard(client, card('c10'), 71)
    const fromClient = Y.encodeStateAsUpdate(client, clientBefore)

    const serverBefore = Y.encodeStateVector(server)
    restoreBoard(snapshot, server, ORIGIN)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, serverBefore))
    Y.applyUpdate(server, fromClient)

    expect(listCards(client)).toEqual(listCards(server))
    expect(listPatterns(client)).toEqual(listPatterns(server))
    // Everything the snapshot had is back; the concurrent new card is kept rather than lost.
    expect(listCards(server).map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c10'])
  })
})
