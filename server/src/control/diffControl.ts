import type { ControlChange, ControlRecord } from '../storage/Storage'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * What a change did to a control record, in the pieces the store keeps apart: a storyteller
 * saving notes or a participant a draft writes that one record, not the whole session.
 */
export function diffControl(before: ControlRecord, after: ControlRecord): ControlChange {
  const change: ControlChange = {}
  if (!same(before.state, after.state)) change.state = after.state
  for (const [storyId, notes] of Object.entries(after.notes)) {
    if (!same(before.notes[storyId], notes)) (change.notes ??= {})[storyId] = notes
  }
  const beforeDrafts = before.drafts ?? {}
  const afterDrafts = after.drafts ?? {}
  for (const memberId of new Set([...Object.keys(beforeDrafts), ...Object.keys(afterDrafts)])) {
    const next = afterDrafts[memberId]
    if (!same(beforeDrafts[memberId], next)) (change.drafts ??= {})[memberId] = next && next.length > 0 ? next : null
  }
  if (!same(before.vote ?? null, after.vote ?? null)) change.vote = after.vote ?? null
  return change
}

/** Applies a change to a record in memory, as the store applies it to what it keeps. */
export function applyControlChange(record: ControlRecord, change: ControlChange): ControlRecord {
  const next: ControlRecord = { state: change.state ?? record.state, notes: { ...record.notes, ...change.notes }, drafts: { ...record.drafts }, vote: record.vote ?? null }
  for (const [memberId, drafts] of Object.entries(change.drafts ?? {})) {
    if (drafts) next.drafts![memberId] = drafts
    else delete next.drafts![memberId]
  }
  if (change.vote !== undefined) next.vote = change.vote
  return next
}
