import type * as Y from 'yjs'
import type { Role } from '@harvest/shared'
import { BOARD_LIMITS, BOARD_ROOTS, CARD_KINDS, EMISSION_DOMAINS, LEVERS, LIMITS, can, getCards } from '@harvest/shared'
import { inspectUpdate } from './inspectUpdate'

/** Who is writing, as the board's rules need to know. */
export interface Writer {
  role: Role
  /** Every authorId that counts as this writer's own (member id and anonymous key). */
  ownIds: readonly string[]
  /** True while this writer's new cards must stay private drafts (private writing is on). */
  privateWriting?: () => boolean
}

const isStringList = (value: unknown, allowed: readonly string[] | null, max: number, itemMax = 100) =>
  Array.isArray(value) &&
  value.length <= max &&
  value.every((v) => typeof v === 'string' && v.length <= itemMax && (!allowed || allowed.includes(v)))

const isText = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

/** Every field a card may hold, with its rule; anything else is refused. */
const CARD_FIELDS: Record<string, { check: (value: unknown) => boolean; why: string }> = {
  text: { check: isText(LIMITS.cardTextMax), why: `card text is over ${LIMITS.cardTextMax.toLocaleString('en')} characters` },
  kind: { check: (v) => v === null || CARD_KINDS.includes(v as never), why: 'unknown card kind' },
  authorId: { check: isText(100), why: 'bad author' },
  authorName: { check: isText(LIMITS.nameMax), why: 'author name too long' },
  city: { check: isText(LIMITS.cityMax), why: 'city name too long' },
  cityKind: { check: (v) => v === null || v === 'pilot' || v === 'twin', why: 'city must be pilot or twin' },
  area: { check: isText(BOARD_LIMITS.areaMax), why: 'area name too long' },
  levers: { check: (v) => isStringList(v, LEVERS, LEVERS.length), why: 'unknown lever of change' },
  domains: { check: (v) => isStringList(v, EMISSION_DOMAINS, EMISSION_DOMAINS.length), why: 'unknown emission domain' },
  tags: { check: (v) => isStringList(v, null, BOARD_LIMITS.tagsPerCardMax, BOARD_LIMITS.tagMax), why: 'too many or too long tags' },
  patternId: { check: (v) => v === null || isText(64)(v), why: 'bad pattern' },
  createdAt: { check: isTime, why: 'bad time' },
  updatedAt: { check: isTime, why: 'bad time' },
}

const PATTERN_FIELDS: Record<string, (value: unknown) => boolean> = {
  name: isText(BOARD_LIMITS.patternNameMax),
  createdBy: isText(100),
  createdAt: isTime,
}

/** Fields a participant may not set even on their own card. */
const CURATOR_ONLY_FIELDS = new Set(['patternId', 'authorId'])

/**
 * Decides whether a writer may apply an update to the board, before it touches the document.
 * Returns null to accept, or the reason to give the writer.
 */
export function checkBoardUpdate(doc: Y.Doc, update: Uint8Array, writer: Writer): string | null {
  const effect = inspectUpdate(doc, update)
  const curator = can(writer.role, 'board:curate')
  if (effect.unexplained.length > 0 && !curator) return 'this change does not fit the board'
  const cards = getCards(doc)
  let newCards = 0

  for (const [root, entries] of effect.roots) {
    if (root === BOARD_ROOTS.patterns) {
      if (!curator) return 'only harvesters and facilitators group cards into patterns'
      for (const change of entries.values()) {
        for (const [key, value] of change.fields) if (!PATTERN_FIELDS[key]?.(value)) return `bad pattern field "${key}"`
      }
      continue
    }
    if (root !== BOARD_ROOTS.cards) return root === BOARD_ROOTS.meta ? 'the board settings are the server’s' : `unknown part of the board "${root}"`

    for (const [cardId, change] of entries) {
      const existing = cards.get(cardId)
      if (!existing && change.created) newCards++
      const author = existing?.get('authorId')
      if (existing && !curator && !writer.ownIds.includes(String(author))) return 'you can only change your own cards'
      if (change.created && !existing) {
        if (writer.privateWriting?.()) return 'private writing is on: your cards stay private until the facilitator reveals them'
        const authorId = change.fields.get('authorId')
        if (!writer.ownIds.includes(String(authorId))) return 'a new card must carry your own name'
      }
      for (const [key, value] of change.fields) {
        const rule = CARD_FIELDS[key]
        if (!rule) return `unknown card field "${key}"`
        if (!rule.check(value)) return rule.why
        if (existing && !curator && CURATOR_ONLY_FIELDS.has(key) && value !== existing.get(key)) {
          return key === 'patternId' ? 'only harvesters and facilitators group cards into patterns' : 'a card keeps its author'
        }
        if (!existing && !curator && key === 'patternId' && value !== null) return 'only harvesters and facilitators group cards into patterns'
      }
    }
  }
  if (newCards > 0 && cards.size + newCards > BOARD_LIMITS.cardsMax) {
    return `the board is full: at most ${BOARD_LIMITS.cardsMax.toLocaleString('en')} cards per session`
  }
  return null
}
