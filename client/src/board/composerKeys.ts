import type { CardKind, Lever, Phase } from '@harvest/shared'
import { CARD_KINDS, LEVERS, kindsForPhase } from '@harvest/shared'

/**
 * Whether a kind belongs to the current phase, so the picker can highlight it. The kinds keep
 * the W³ order in every phase: one key per kind for the whole session, learnt once.
 */
export function inPhase(kind: CardKind, phase: Phase | null): boolean {
  return !phase || phase === 'none' || kindsForPhase(phase).includes(kind)
}

/** The kind Alt+digit picks: the nth in the W³ order, whatever the phase. */
export const kindAt = (index: number): CardKind | null => CARD_KINDS[index] ?? null

/** The key printed on a kind's chip. */
export const kindKey = (kind: CardKind) => kindHint(CARD_KINDS.indexOf(kind))

/**
 * The kind a new card starts with: the first kind of the current phase. Outside a W³ phase
 * (welcome, wrap-up, no agenda item) nothing is preselected and the card stays unsorted.
 */
export function defaultKind(phase: Phase | null): CardKind | null {
  if (!phase || phase === 'none') return null
  return kindsForPhase(phase)[0] ?? null
}

/** The part of a keyboard event the shortcuts read. */
export interface KeyLike {
  altKey: boolean
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  /** Physical key, e.g. "Digit3": layout-independent, and unchanged by Alt or Shift. */
  code: string
}

/** A composer shortcut: Alt+1…9, 0 picks the nth kind of CARD_KINDS; Alt+Shift+1…6 toggles the nth lever. */
export type ComposerShortcut = { type: 'kind'; index: number } | { type: 'lever'; index: number }

export function composerShortcut(e: KeyLike): ComposerShortcut | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null
  const match = /^(?:Digit|Numpad)(\d)$/.exec(e.code)
  if (!match) return null
  const digit = Number(match[1])
  const index = digit === 0 ? 9 : digit - 1
  if (e.shiftKey) return index < LEVERS.length ? { type: 'lever', index } : null
  return index < CARD_KINDS.length ? { type: 'kind', index } : null
}

/** The hint printed on the nth kind chip. */
export const kindHint = (index: number) => `Alt+${index === 9 ? 0 : index + 1}`
/** The hint printed on the nth lever chip. */
export const leverHint = (index: number) => `Alt+Shift+${index + 1}`

/** Adds a lever, or removes it when already there, keeping the programme's order. */
export function toggleLever(levers: readonly Lever[], lever: Lever): Lever[] {
  const next = levers.includes(lever) ? levers.filter((l) => l !== lever) : [...levers, lever]
  return LEVERS.filter((l) => next.includes(l))
}
