import type { CardKind, Lever } from '@harvest/shared'
import { CARD_KINDS, LEVERS } from '@harvest/shared'

/** What a person had typed into the composer and not sent yet. */
export interface CardDraft {
  text: string
  kind: CardKind | null
  levers: Lever[]
}

/** The part of localStorage a draft needs, so tests can hand in their own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** Who is writing where: a draft belongs to one person, in one session, for one area. */
export interface DraftPlace {
  sessionId: string
  memberId: string
  area: string
}

const PREFIX = 'harvest:card-draft'

export const draftKey = ({ sessionId, memberId, area }: DraftPlace) =>
  `${PREFIX}:${encodeURIComponent(sessionId)}:${encodeURIComponent(memberId)}:${encodeURIComponent(area)}`

/** The draft kept for this place, or null; anything unreadable counts as no draft. */
export function loadDraft(storage: DraftStorage, place: DraftPlace): CardDraft | null {
  let raw: string | null
  try {
    raw = storage.getItem(draftKey(place))
  } catch {
    return null // storage switched off (private mode, a full quota): the composer simply starts empty
  }
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<CardDraft>
    if (typeof value.text !== 'string' || value.text.trim() === '') return null
    const kind = CARD_KINDS.find((k) => k === value.kind) ?? null
    const levers = Array.isArray(value.levers) ? LEVERS.filter((l) => value.levers!.includes(l)) : []
    return { text: value.text, kind, levers }
  } catch {
    return null
  }
}

/** Keeps the draft for this place; an empty text forgets it. */
export function saveDraft(storage: DraftStorage, place: DraftPlace, draft: CardDraft): void {
  try {
    if (draft.text.trim() === '') storage.removeItem(draftKey(place))
    else storage.setItem(draftKey(place), JSON.stringify(draft))
  } catch {
    // Keeping a draft is a courtesy; a browser that refuses storage still sends the card.
  }
}

export function forgetDraft(storage: DraftStorage, place: DraftPlace): void {
  try {
    storage.removeItem(draftKey(place))
  } catch {
    // nothing was kept
  }
}

/** The browser's localStorage, or null where reading it is refused. */
export function browserStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
