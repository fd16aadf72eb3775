import type { CardKind, Lever } from '@harvest/shared'
import { CARD_KINDS, LEVERS } from '@harvest/shared'

/** What a person had typed into the composer and not sent yet. */
export interface CardDraft {
  text: string
  kind: CardKind | null
  levers: Lever[]
}

/** The part of localStorage a draft needs, so tests can hand in their own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

/** Who is writing where: a draft belongs to one person, in one session, for one area. */
export interface DraftPlace {
  sessionId: string
  memberId: string
  area: string
}

const PREFIX = 'harvest:card-draft'

const personPrefix = ({ sessionId, memberId }: Omit<DraftPlace, 'area'>) =>
  `${PREFIX}:${encodeURIComponent(sessionId)}:${encodeURIComponent(memberId)}:`

export const draftKey = (place: DraftPlace) => `${personPrefix(place)}${encodeURIComponent(place.area)}`

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

/**
 * The draft to show where the composer opens: the one kept for this area, or else this person's
 * latest in another area of the session, moved here. The composer may open on another area than
 * the one it was left on (a reload forgets an area picked by hand); the text must not be lost.
 */
export function takeDraft(storage: DraftStorage, place: DraftPlace): CardDraft | null {
  const here = loadDraft(storage, place)
  if (here) return here
  let newest: { key: string; draft: CardDraft; at: number } | null = null
  try {
    const prefix = personPrefix(place)
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (!key?.startsWith(prefix)) continue
      const draft = loadDraft(storage, { ...place, area: decodeURIComponent(key.slice(prefix.length)) })
      const at = savedAt(storage.getItem(key))
      if (draft && (!newest || at > newest.at)) newest = { key, draft, at }
    }
  } catch {
    return null
  }
  if (!newest) return null
  forgetKey(storage, newest.key)
  saveDraft(storage, place, newest.draft)
  return newest.draft
}

function savedAt(raw: string | null): number {
  try {
    const at = raw ? (JSON.parse(raw) as { savedAt?: unknown }).savedAt : 0
    return typeof at === 'number' ? at : 0
  } catch {
    return 0
  }
}

function forgetKey(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // nothing was kept
  }
}

/** Keeps the draft for this place; an empty text forgets it. */
export function saveDraft(storage: DraftStorage, place: DraftPlace, draft: CardDraft): void {
  try {
    if (draft.text.trim() === '') storage.removeItem(draftKey(place))
    else storage.setItem(draftKey(place), JSON.stringify({ text: draft.text, kind: draft.kind, levers: draft.levers, savedAt: Date.now() }))
  } catch {
    // Keeping a draft is a courtesy; a browser that refuses storage still sends the card.
  }
}

/** Forgets every draft of a session on this device, everyone's who wrote here, in every area. */
export function forgetSessionDrafts(storage: DraftStorage, sessionId: string): void {
  const prefix = `${PREFIX}:${encodeURIComponent(sessionId)}:`
  try {
    const keys: string[] = []
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
    for (const key of keys) forgetKey(storage, key)
  } catch {
    // nothing could be read, so nothing was kept
  }
}

export function forgetDraft(storage: DraftStorage, place: DraftPlace): void {
  forgetKey(storage, draftKey(place))
}

/** The browser's localStorage, or null where reading it is refused. */
export function browserStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
