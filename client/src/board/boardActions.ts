import type * as Y from 'yjs'
import { v4 as uuid } from 'uuid'
import type { CardPatch, NewCard } from '@harvest/shared'
import {
  BOARD_LIMITS,
  addCard,
  assignToPattern,
  createPattern,
  deleteCard,
  deletePattern,
  groupCards,
  mergePatterns,
  renamePattern,
  updateCard,
} from '@harvest/shared'
import { LOCAL_ORIGIN, currentBoard } from './boardConnection'

/**
 * Runs a change as this person's own transaction, so it can be undone with Ctrl+Z and only
 * with it; each action is one undo step, however quickly the next follows. Null when no board
 * is open.
 */
function change<T>(fn: (doc: Y.Doc) => T): T | null {
  const board = currentBoard()
  if (!board) return null
  let result: T | null = null
  board.undo.stopCapturing()
  board.link.doc.transact((tx) => {
    result = fn(tx.doc)
  }, LOCAL_ORIGIN)
  board.undo.stopCapturing()
  return result
}

/** A pattern's default name: the first words of the card it started from. */
function nameFrom(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 6).join(' ')
  return (words.length < text.trim().length ? `${words}…` : words).slice(0, BOARD_LIMITS.patternNameMax) || 'New pattern'
}

/** Writing and curating the board. Components call these; none of them touches Yjs. */
export const boardActions = {
  addCard: (card: NewCard) => change((doc) => addCard(doc, card)),
  updateCard: (id: string, patch: CardPatch) => change((doc) => updateCard(doc, id, patch)) ?? false,
  deleteCard: (id: string) => change((doc) => deleteCard(doc, id)) ?? false,

  /** Drops a card on another: joins the target's pattern, or both start a new one. */
  groupCards: (cardId: string, targetId: string, targetText: string, by: string) =>
    change((doc) => groupCards(doc, cardId, targetId, { id: uuid(), name: nameFrom(targetText), createdBy: by, createdAt: Date.now() })),
  /** Puts a card in a pattern, or takes it out with null. */
  assign: (cardId: string, patternId: string | null) => change((doc) => assignToPattern(doc, cardId, patternId)) ?? false,
  createPattern: (name: string, by: string) =>
    change((doc) => createPattern(doc, { id: uuid(), name, createdBy: by, createdAt: Date.now() }).id),
  renamePattern: (id: string, name: string) => change((doc) => renamePattern(doc, id, name)) ?? false,
  mergePatterns: (fromId: string, intoId: string) => change((doc) => mergePatterns(doc, fromId, intoId)) ?? false,
  deletePattern: (id: string) => change((doc) => deletePattern(doc, id)) ?? false,

  undo: () => void currentBoard()?.undo.undo(),
  redo: () => void currentBoard()?.undo.redo(),
}
