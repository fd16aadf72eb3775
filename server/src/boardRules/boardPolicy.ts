import type * as Y from 'yjs'
import type { Card, CityKind, Role } from '@harvest/shared'
import {
  BOARD_LIMITS, BOARD_ROOTS, BYLINE_KEYS, CARD_AUTHOR_FIELDS, CARD_FIELDS, CURATOR_ONLY_CARD_FIELDS, PATTERN_FIELDS, bylineValue, can, fieldRule, getCards,
  getPatterns, hasBylineValue, isPlainObject, readByline, readCard,
} from '@harvest/shared'
import { inspectUpdate, type DecodedUpdate } from './inspectUpdate'
import { prescanUpdate, type Prescan } from './prescanUpdate'

/** Why an update the board's shape does not explain is refused to those who do not curate. */
const DOES_NOT_FIT = 'this change does not fit the board'

/**
 * Updates above this size are scanned before Yjs decodes them: decoding builds every nested
 * item (157 ms of CPU for a near-1 MB frame of nested maps), while small updates, the usual
 * traffic, decode in well under a millisecond and gain nothing from a second reading.
 */
export const PRESCAN_MIN_BYTES = 64 * 1024

/** Who is writing, as the board's rules need to know. */
export interface Writer {
  role: Role
  /** Every authorId that counts as this writer's own (member id and anonymous key). */
  ownIds: readonly string[]
  /** True while this writer's new cards must stay private drafts (private writing is on). */
  privateWriting?: () => boolean
  /** The writer's membership: a participant's new card carries this name (or none, when anonymous), city and city kind. */
  author?: Author
}

/** Who a writer is, as their member record says. */
export interface Author {
  name: string
  city: string
  cityKind: CityKind | null
}

/** What an accepted update leaves for the server to do after applying it. */
export interface Accepted {
  /** New cards that left out their author's name, city or city kind: the server fills them in. */
  unsigned: string[]
}

/** Why a participant's new card may not carry a given author field value, or null when it may. */
function wrongAuthor(author: Author, key: string, value: unknown): string | null {
  if (key === 'authorName' && value !== '' && value !== author.name) return `a new card carries your own name (${author.name}), not someone else's`
  if (key === 'city' && value !== author.city) return author.city ? `a new card carries your own city (${author.city})` : 'a new card carries no city: you joined without one'
  if (key === 'cityKind' && value !== author.cityKind) return 'a new card carries your own city’s pilot or twin status'
  return null
}

/** Whether writing `value` under `key` leaves the card reading as it does: how a participant may touch a field they do not own. */
function keeps(current: Card, map: Y.Map<unknown>, key: string, value: unknown): boolean {
  if (key !== 'byline') return value === current[key as keyof Card]
  if (!isPlainObject(value)) return false
  // The card as it would read with this byline: its fields over the card's keys of their own.
  const next = readByline({ get: (k) => (k === 'byline' ? value : map.get(k)), has: (k) => k === 'byline' || map.has(k) })
  return BYLINE_KEYS.every((field) => next[field] === current[field])
}

/**
 * Whether a map holds more than `limit` entries. Y.Map's `size` walks every entry, which on a
 * 5,000-card board cost more than the rest of checking a new card; the map's own table, which
 * also keeps deleted entries, bounds it from above at no cost, so the walk is only needed near the limit.
 */
function countAbove<T>(map: Y.Map<T>, limit: number): boolean {
  return map._map.size > limit && map.size > limit
}

/**
 * What a light scan of a large update's bytes proves, before Yjs decodes it: null when it is
 * small, does not parse (the full path refuses it as corrupt) or proves nothing. A refusal here
 * is the one checkBoardUpdate would give, as `tooDeep` items are always unexplained there.
 * Those who curate are checked in full without it: the rules let them write what the board
 * does not explain, so the scan could prove nothing and would only add its cost.
 */
export function prescanBoardUpdate(doc: Y.Doc, update: Uint8Array, writer: Writer): Prescan | null {
  if (update.byteLength <= PRESCAN_MIN_BYTES || can(writer.role, 'board:curate')) return null
  return prescanUpdate(doc, update)
}

/** The refusal checkBoardUpdate would give for what a prescan proved, or null to check in full. */
export function prescannedRefusal(scan: Prescan, writer: Writer): string | null {
  return scan.tooDeep && !can(writer.role, 'board:curate') ? DOES_NOT_FIT : null
}

/**
 * Decides whether a writer may apply an update to the board, before it touches the document.
 * Returns null to accept, or the reason to give the writer.
 */
export function checkBoardUpdate(doc: Y.Doc, update: Uint8Array | DecodedUpdate, writer: Writer, accepted?: Accepted): string | null {
  const effect = inspectUpdate(doc, update)
  const curator = can(writer.role, 'board:curate')
  if (effect.unexplained.length > 0 && !curator) return DOES_NOT_FIT
  const cards = getCards(doc)
  const patterns = getPatterns(doc)
  let newCards = 0
  let newPatterns = 0

  for (const [root, entries] of effect.roots) {
    if (root === BOARD_ROOTS.patterns) {
      if (!curator) return 'only harvesters and facilitators group cards into patterns'
      for (const [patternId, change] of entries) {
        if (change.created && !patterns.has(patternId)) newPatterns++
        for (const [key, value] of change.fields) if (!fieldRule(PATTERN_FIELDS, key)?.allows(value)) return `bad pattern field "${key}"`
      }
      continue
    }
    if (root !== BOARD_ROOTS.cards) return root === BOARD_ROOTS.meta ? 'the board settings are the server’s' : `unknown part of the board "${root}"`

    for (const [cardId, change] of entries) {
      const existing = cards.get(cardId)
      if (!existing && change.created) newCards++
      const current = existing ? readCard(cardId, existing) : null
      if (current && !curator && !writer.ownIds.includes(current.authorId)) return 'you can only change your own cards'
      if (change.created && !existing) {
        if (writer.privateWriting?.()) return 'private writing is on: your cards stay private until the facilitator reveals them'
        // As readers will read them: its byline, else keys of their own (cards before version 3, other clients).
        if (!writer.ownIds.includes(String(bylineValue(change.fields, 'authorId')))) return 'a new card must carry your own name'
        if (writer.author && !curator) {
          for (const key of CARD_AUTHOR_FIELDS) {
            const why = hasBylineValue(change.fields, key) ? wrongAuthor(writer.author, key, bylineValue(change.fields, key)) : null
            if (why) return why
          }
        }
        if (accepted && CARD_AUTHOR_FIELDS.some((key) => !hasBylineValue(change.fields, key))) accepted.unsigned.push(cardId)
      }
      for (const [key, value] of change.fields) {
        const rule = fieldRule(CARD_FIELDS, key)
        if (!rule) return `unknown card field "${key}"`
        if (!rule.allows(value)) return rule.why
        if (existing && current && !curator && CURATOR_ONLY_CARD_FIELDS.has(key) && !keeps(current, existing, key, value)) {
          if (key === 'patternId') return 'only harvesters and facilitators group cards into patterns'
          return key === 'createdAt' ? 'a card keeps the time it was written' : 'a card keeps its author'
        }
        if (!existing && !curator && key === 'patternId' && value !== null) return 'only harvesters and facilitators group cards into patterns'
      }
    }
  }
  if (newCards > 0 && countAbove(cards, BOARD_LIMITS.cardsMax - newCards)) {
    return `the board is full: at most ${BOARD_LIMITS.cardsMax.toLocaleString('en')} cards per session`
  }
  if (newPatterns > 0 && countAbove(patterns, BOARD_LIMITS.patternsMax - newPatterns)) {
    return `the board has all the patterns it can take: at most ${BOARD_LIMITS.patternsMax.toLocaleString('en')} per session`
  }
  return null
}
