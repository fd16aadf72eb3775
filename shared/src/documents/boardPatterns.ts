import * as Y from 'yjs'
import { getCards, getPatterns, listCards, updateCard } from './board'
import type { Card } from './card'
import { readCard } from './card'
import { listRecords } from './fields'
import type { Pattern } from './pattern'
import { cleanPatternName, readPattern } from './pattern'

// Changes to the board's patterns: grouping cards, merging, renaming, deleting.

/** All patterns, oldest first. */
export function listPatterns(doc: Y.Doc): Pattern[] {
  return listRecords(getPatterns(doc), readPattern, (pattern) => pattern.createdAt)
}

/** Adds a pattern in one transaction; an empty name becomes "Untitled pattern". */
export function createPattern(doc: Y.Doc, pattern: Pattern): Pattern {
  const map = new Y.Map<unknown>()
  const clean = { ...pattern, name: cleanPatternName(pattern.name) || 'Untitled pattern' }
  doc.transact(() => {
    map.set('name', clean.name)
    map.set('createdBy', clean.createdBy)
    map.set('createdAt', clean.createdAt)
    getPatterns(doc).set(pattern.id, map)
  })
  return clean
}

/** Renames a pattern; an empty name changes nothing. */
export function renamePattern(doc: Y.Doc, id: string, name: string): boolean {
  const map = getPatterns(doc).get(id)
  if (!(map instanceof Y.Map) || !name.trim()) return false
  map.set('name', cleanPatternName(name))
  return true
}

/** Puts a card in a pattern (or takes it out with null); a card is in at most one. */
export function assignToPattern(doc: Y.Doc, cardId: string, patternId: string | null, now = Date.now()): boolean {
  if (patternId !== null && !getPatterns(doc).has(patternId)) return false
  return updateCard(doc, cardId, { patternId }, now)
}

/** The cards of a pattern. */
export function patternCards(doc: Y.Doc, patternId: string): Card[] {
  return listCards(doc).filter((card) => card.patternId === patternId)
}

/** The cities a pattern's cards came from, each once, in first-seen order. */
export function patternCities(cards: readonly Card[]): string[] {
  return [...new Set(cards.map((c) => c.city).filter(Boolean))]
}

/**
 * Dropping a card onto another card: if the target is in a pattern the card joins it,
 * otherwise both form a new pattern. Returns the pattern id.
 */
export function groupCards(doc: Y.Doc, cardId: string, targetId: string, newPattern: Pattern, now = Date.now()): string | null {
  const target = readCard(targetId, getCards(doc).get(targetId))
  if (!target || !getCards(doc).has(cardId) || cardId === targetId) return null
  let patternId = target.patternId
  doc.transact(() => {
    if (!patternId) {
      patternId = createPattern(doc, newPattern).id
      updateCard(doc, targetId, { patternId }, now)
    }
    updateCard(doc, cardId, { patternId }, now)
  })
  return patternId
}

/** Moves every card of `fromId` into `intoId` and deletes `fromId`. */
export function mergePatterns(doc: Y.Doc, fromId: string, intoId: string, now = Date.now()): boolean {
  const patterns = getPatterns(doc)
  if (fromId === intoId || !patterns.has(fromId) || !patterns.has(intoId)) return false
  doc.transact(() => {
    for (const card of patternCards(doc, fromId)) updateCard(doc, card.id, { patternId: intoId }, now)
    patterns.delete(fromId)
  })
  return true
}

/** Deletes a pattern; its cards stay on the board, ungrouped. */
export function deletePattern(doc: Y.Doc, id: string, now = Date.now()): boolean {
  const patterns = getPatterns(doc)
  if (!patterns.has(id)) return false
  doc.transact(() => {
    for (const card of patternCards(doc, id)) updateCard(doc, card.id, { patternId: null }, now)
    patterns.delete(id)
  })
  return true
}
