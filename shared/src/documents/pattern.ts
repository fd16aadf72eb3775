import { BOARD_LIMITS } from '../limits'
import type { FieldTable } from './fields'
import { readRecord, text, time } from './fields'

/** A named group of cards that harvesters see belong together. */
export interface Pattern {
  id: string
  name: string
  createdBy: string
  createdAt: number
}

/** Every field a pattern may hold, with its rule; readers read patterns by it and the board's rules check it. */
export const PATTERN_FIELDS: FieldTable<Omit<Pattern, 'id'>> = {
  name: text(BOARD_LIMITS.patternNameMax, 'pattern name too long'),
  createdBy: text(100, 'bad pattern author'),
  createdAt: time(),
}

/** Reads a pattern defensively; null when the entry is not a pattern at all. */
export function readPattern(id: string, map: unknown): Pattern | null {
  return readRecord(PATTERN_FIELDS, id, map)
}

/** A pattern name as it is stored: trimmed and bounded (empty when nothing was typed). */
export function cleanPatternName(name: string): string {
  return name.trim().slice(0, BOARD_LIMITS.patternNameMax)
}
