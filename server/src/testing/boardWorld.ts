import type * as Y from 'yjs'
import type { Draft, Member, NewCard, SessionState, VoteView } from '@harvest/shared'
import { PLENARY_AREA, listCards } from '@harvest/shared'
import type { App } from '../app'
import type { DocumentKind } from '../documents/documentKinds'
import { HARVEST_DOCUMENT, boardDocName } from '../documents/documentKinds'
import { DocumentPeer } from '../documents/DocumentPeer'
import type { ClientSocket, TestBoard } from './clients'
import { connectBoard, connectDocument } from './clients'
import { createSession, joinAs } from './api'
import { startTestServer } from './testServer'
import { waitFor } from './waitFor'

/** A card as a member's browser writes it: under their own name (or author key) and city. */
export const cardBy = (author: Member, id: string, text = `card ${id}`, overrides: Partial<NewCard> = {}): NewCard => ({
  id,
  text,
  authorId: author.id,
  authorName: author.name,
  city: author.city,
  cityKind: author.cityKind,
  area: PLENARY_AREA,
  ...overrides,
})

export const cardIds = (doc: Y.Doc) => listCards(doc).map((c) => c.id)
export const cardTexts = (doc: Y.Doc) => listCards(doc).map((c) => c.text)

/** The server's own copy of a document ("board:<id>" or "harvest:<id>"), held open until the app closes. */
export const serverDoc = async (app: App, docName: string) => (await app.docs.open(docName)).doc

/** How many updates the server has dropped from read-only connections to a document so far. */
export async function droppedUpdates(app: App, docName: string): Promise<number> {
  const live = await app.docs.open(docName)
  return [...live.peers].reduce((sum, peer) => sum + (peer instanceof DocumentPeer ? peer.droppedUpdates : 0), 0)
}

/** Runs `edit` on a read-only client and waits until the server has dropped what it sent. */
export async function editAndWaitForDrop(app: App, docName: string, edit: () => void): Promise<void> {
  const before = await droppedUpdates(app, docName)
  edit()
  await waitFor(async () => (await droppedUpdates(app, docName)) > before, 5_000, `the server dropped the update to ${docName}`)
}

/**
 * Opens a shared document of a session with a token, as the browser does (see `connectBoard`,
 * whose shape it returns). Read-only connections also have their answer to the opening sync
 * dropped; with `readOnly` this waits for that, so the next drop counted is an edit.
 */
export async function openDocument(app: App, url: string, kind: DocumentKind, sessionId: string, token: string, { readOnly = false } = {}): Promise<TestBoard> {
  const docName = kind.docName(sessionId)
  const before = readOnly ? await droppedUpdates(app, docName) : 0
  const link = connectDocument(url, kind.path, sessionId, token)
  await link.synced()
  if (readOnly) await waitFor(async () => (await droppedUpdates(app, docName)) > before, 5_000, 'opening sync step dropped')
  return link
}

/** Opens the harvest document of a session (see `openDocument`). */
export const connectHarvest = (app: App, url: string, sessionId: string, token: string, options: { readOnly?: boolean } = {}) =>
  openDocument(app, url, HARVEST_DOCUMENT, sessionId, token, options)

/** Everything about the board's session side that the server sent one socket, in order. */
export interface BoardSessionLog {
  votes: Array<VoteView | null>
  drafts: Draft[][]
  youChanged: SessionState['you'][]
  /** Every event with its arguments, to prove something never arrived. */
  all: Array<{ event: string; args: unknown[] }>
}

export function recordBoardSession(socket: ClientSocket): BoardSessionLog {
  const log: BoardSessionLog = { votes: [], drafts: [], youChanged: [], all: [] }
  socket.on('vote:state', (vote) => void log.votes.push(vote))
  socket.on('drafts:changed', (drafts) => void log.drafts.push(drafts))
  socket.on('you:changed', (you) => void log.youChanged.push(you))
  socket.onAny((event: string, ...args: unknown[]) => void log.all.push({ event, args }))
  return log
}

/** The facilitator Fran and participants Ann (Ghent) and Bob (Turku), each with the board open. */
export async function boardOfThree() {
  const server = await startTestServer()
  const created = await createSession(server.url)
  const id = created.session.id
  const ann = await joinAs(server.url, created, 'participant', { name: 'Ann', city: 'Ghent', cityKind: 'pilot' })
  const bob = await joinAs(server.url, created, 'participant', { name: 'Bob', city: 'Turku', cityKind: 'pilot' })
  const boards = {
    fran: connectBoard(server.url, id, created.memberToken),
    ann: connectBoard(server.url, id, ann.memberToken),
    bob: connectBoard(server.url, id, bob.memberToken),
  }
  await Promise.all(Object.values(boards).map((b) => b.synced()))
  const board = () => serverDoc(server.app, boardDocName(id))
  return { ...server, created, id, ann, bob, boards, board }
}
