import type * as Y from 'yjs'
import type { Ack, Draft, Member, NewCard, SessionState, VoteView } from '@harvest/shared'
import { HARVEST_PATH, PLENARY_AREA, listCards } from '@harvest/shared'
import type { App } from '../app'
import { DocumentPeer } from '../documents/DocumentPeer'
import type { ClientSocket, TestBoard } from './clients'
import { connectDocument } from './clients'
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
 * Opens the harvest document of a session with a token, as the browser does (see
 * `connectBoard`, whose shape it returns). Read-only connections also have their answer to the
 * opening sync dropped; with `readOnly` this waits for that, so the next drop counted is an edit.
 */
export async function connectHarvest(app: App, url: string, sessionId: string, token: string, { readOnly = false } = {}): Promise<TestBoard> {
  const docName = `harvest:${sessionId}`
  const before = readOnly ? await droppedUpdates(app, docName) : 0
  const harvest = connectDocument(url, HARVEST_PATH, sessionId, token)
  await harvest.synced()
  if (readOnly) await waitFor(async () => (await droppedUpdates(app, docName)) > before, 5_000, 'opening sync step dropped')
  return harvest
}

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

/** The data of an accepted acknowledgement; fails the test with the server's message otherwise. */
export function accepted<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error} ${ack.message}`)
  return ack.data
}
