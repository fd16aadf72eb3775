import * as Y from 'yjs'
import { BOARD_PATH, getCards, getPatterns, listCards, listPatterns } from '@harvest/shared'
import { useBoardStore } from '../stores/useBoardStore'
import { useNoticeStore } from '../stores/useNoticeStore'
import { openDocLink, unsavedNotice, type DocLink } from './docProvider'
import { closeHarvest, openHarvest } from '../harvest/harvestConnection'
import { startPresence } from './presence'
import { reconcile } from './reconcileCards'

/**
 * The origin of this person's own transactions. The undo manager tracks only this origin, so
 * Ctrl+Z undoes your changes and never someone else's.
 */
export const LOCAL_ORIGIN = { who: 'this-browser' } as const

/** The open board: its document, provider, undo history and presence. */
export interface OpenBoard {
  link: DocLink
  undo: Y.UndoManager
  stopPresence(): void
}

let current: OpenBoard | null = null
let opened: { sessionId: string; token: string } | null = null

/** The open board, for the actions in boardActions.ts. */
export const currentBoard = (): OpenBoard | null => current

/**
 * Opens the session's board (and its harvest document) and mirrors them into the stores. One
 * board at a time: opening another closes the previous one.
 */
export function openBoard(sessionId: string, token: string): void {
  closeBoard()
  opened = { sessionId, token }
  useBoardStore.getState().reset()
  connect(sessionId, token)
  openHarvest(sessionId, token)
}

function connect(sessionId: string, token: string): void {
  const store = () => useBoardStore.getState()
  const link = openDocLink(BOARD_PATH, sessionId, token, {
    onStatus: (status) => store().status !== 'refused' && store().setStatus(status),
    onRefused: (reason) => {
      store().setStatus('refused', reason)
      current?.link.provider.disconnect()
    },
    onRejected: (reason) => {
      useNoticeStore.getState().show('error', `The board did not accept your last change: ${reason}. It has been undone.`)
      reopen()
    },
    onThrottled: () => {
      useNoticeStore.getState().show('info', 'Your changes are arriving faster than the board takes them: they will be sent again in a moment, nothing is lost.')
    },
    onUnsaved: (reason) => useNoticeStore.getState().show('error', unsavedNotice(reason)),
    onChange: (doc) => {
      const s = store()
      s.setContent(reconcile(s.cards, listCards(doc)), reconcile(s.patterns, listPatterns(doc)))
    },
  })
  const undo = new Y.UndoManager([getCards(link.doc), getPatterns(link.doc)], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    // Every action is its own step (boardActions stops capturing around each one).
    captureTimeout: 0,
  })
  const publishUndo = () => store().setUndo(undo.canUndo(), undo.canRedo())
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) undo.on(event, publishUndo)
  current = { link, undo, stopPresence: startPresence(link.provider.awareness) }
}

/**
 * After a refused change the local document holds something the server will refuse again on
 * every reconnect, so the only way forward is a fresh copy of the server's board.
 */
function reopen(): void {
  if (!opened || !current) return
  closeCurrent()
  useBoardStore.getState().setStatus('connecting')
  connect(opened.sessionId, opened.token)
}

function closeCurrent(): void {
  if (!current) return
  current.stopPresence()
  current.undo.destroy()
  current.link.destroy()
  current = null
}

export function closeBoard(): void {
  closeCurrent()
  closeHarvest()
  opened = null
}
