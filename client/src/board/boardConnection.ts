import { v4 as uuid } from 'uuid'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Card, Member } from '@harvest/shared'
import { BOARD_CLOSE, BOARD_PATH, PLENARY_AREA, addCard, deleteCard, editCardText, getCards, listCards } from '@harvest/shared'
import { useBoardStore } from '../stores/useBoardStore'

let current: { doc: Y.Doc; provider: WebsocketProvider } | null = null

const FINAL_CLOSE_CODES = new Set<number>([BOARD_CLOSE.unauthorized.code, BOARD_CLOSE.wrongSession.code, BOARD_CLOSE.notFound.code])

/** The y-websocket base address on the page's own host. */
function boardUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${BOARD_PATH}`
}

/**
 * Opens the session's board with y-websocket's standard provider and mirrors its cards into
 * the board store. One board at a time: opening another closes the previous one.
 */
export function openBoard(sessionId: string, token: string): void {
  closeBoard()
  const store = useBoardStore.getState()
  store.reset()
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(boardUrl(), sessionId, doc, { params: { token } })
  current = { doc, provider }

  // Batch re-renders to one per frame: a burst of remote cards should not re-render per card.
  let scheduled = false
  const publish = () => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(() => {
      scheduled = false
      if (current?.doc === doc) useBoardStore.getState().setCards(listCards(doc))
    })
  }
  getCards(doc).observeDeep(publish)

  provider.on('sync', (synced: boolean) => {
    if (synced) useBoardStore.getState().setStatus('synced')
  })
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected' && useBoardStore.getState().status !== 'refused') {
      useBoardStore.getState().setStatus('offline')
    }
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event && FINAL_CLOSE_CODES.has(event.code)) {
      provider.disconnect()
      useBoardStore.getState().setStatus('refused', event.reason || 'the board refused this connection')
    }
  })
}

export function closeBoard(): void {
  current?.provider.destroy()
  current?.doc.destroy()
  current = null
}

/** Adds a card by this member; the provider sends it and the observer above shows it. */
export function writeCard(author: Member, text: string, area = PLENARY_AREA): Card | null {
  if (!current || !text.trim()) return null
  return addCard(current.doc, {
    id: uuid(),
    text,
    authorId: author.id,
    authorName: author.name,
    city: author.city,
    cityKind: author.cityKind,
    area,
  })
}

export function rewriteCard(id: string, text: string): boolean {
  return current ? editCardText(current.doc, id, text) : false
}

export function removeCard(id: string): boolean {
  return current ? deleteCard(current.doc, id) : false
}
