import { v4 as uuid } from 'uuid'
import type { BoardMode, ClientPayload, Draft, Member } from '@harvest/shared'
import { addCard } from '@harvest/shared'
import type * as Y from 'yjs'
import { authorKeyFor } from '../authors/authorKey'
import { Refusal } from '../Refusal'
import type { ControlRecord } from '../storage/Storage'

/** How many private cards one person may keep at once. */
export const DRAFTS_PER_PERSON = 200

/** Every draft of the session, by the member who wrote it. */
export type DraftsByMember = Record<string, Draft[]>

/** A person's private cards, as only they see them. */
export function draftsOf(record: ControlRecord, memberId: string): Draft[] {
  return record.drafts?.[memberId] ?? []
}

/** Saves a new private card or changes one of the person's own; refuses one already revealed or deleted. */
export function saveDraft(record: ControlRecord, memberId: string, input: ClientPayload<'draft:save'>, now: number): Draft {
  const mine = ((record.drafts ??= {})[memberId] ??= [])
  const existing = input.id ? mine.find((d) => d.id === input.id) : undefined
  if (input.id && !existing) throw new Refusal('not_found', 'this private card was already revealed or deleted')
  if (!existing && mine.length >= DRAFTS_PER_PERSON) throw new Refusal('invalid', `at most ${DRAFTS_PER_PERSON} private cards each`)
  const next: Draft = { ...input, id: existing?.id ?? uuid(), createdAt: existing?.createdAt ?? now }
  if (existing) Object.assign(existing, next)
  else mine.push(next)
  return next
}

/** Deletes one of the person's private cards. */
export function deleteDraft(record: ControlRecord, memberId: string, id: string): void {
  const mine = draftsOf(record, memberId)
  if (!mine.some((d) => d.id === id)) throw new Refusal('not_found', 'this private card was already revealed or deleted')
  record.drafts![memberId] = mine.filter((d) => d.id !== id)
}

/** Takes every draft out of the record, for revealing them all at once. */
export function takeAllDrafts(record: ControlRecord): DraftsByMember {
  const drafts = record.drafts ?? {}
  record.drafts = {}
  return drafts
}

/**
 * Writes the drafts onto the board as cards, each under its author's name, or their anonymous
 * key without a name when the session hides authors; drafts of people who left are dropped.
 * Returns how many cards were written. The caller runs this in one transaction.
 */
export function revealOnto(doc: Y.Doc, drafts: DraftsByMember, members: ReadonlyMap<string, Member>, secret: string, mode: BoardMode): number {
  let count = 0
  for (const [memberId, list] of Object.entries(drafts)) {
    const member = members.get(memberId)
    if (!member) continue
    const authorId = authorKeyFor(secret, { kind: 'member', sessionId: member.sessionId, role: member.role, member }, mode)!
    for (const { id: _, createdAt, ...draft } of list) {
      addCard(doc, { ...draft, id: uuid(), authorId, authorName: mode.anonymous ? '' : member.name, city: member.city, cityKind: member.cityKind }, createdAt)
      count++
    }
  }
  return count
}
