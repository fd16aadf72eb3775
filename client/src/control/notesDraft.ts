import type { StoryNotes } from '@harvest/shared'

/** Fields typed but not yet confirmed by the server. */
export type NotesDraft = Partial<StoryNotes>

/** What the form shows: the person's own unsaved typing wins over the stored text. */
export function shownNotes(stored: StoryNotes, draft: NotesDraft): StoryNotes {
  return { ...stored, ...draft }
}

/** The fields of the draft that differ from what is stored, i.e. what a save must send. */
export function pendingPatch(stored: StoryNotes, draft: NotesDraft): NotesDraft {
  const patch: NotesDraft = {}
  for (const key of Object.keys(draft) as (keyof StoryNotes)[]) {
    const value = draft[key]
    if (value !== undefined && value !== stored[key]) patch[key] = value
  }
  return patch
}

/**
 * After a save was acknowledged, drops the draft fields the server now holds. A field typed
 * further while the save was in flight stays in the draft, so no keystroke is lost.
 */
export function settleDraft(draft: NotesDraft, sent: NotesDraft): NotesDraft {
  const next: NotesDraft = {}
  for (const key of Object.keys(draft) as (keyof StoryNotes)[]) {
    if (draft[key] !== sent[key]) next[key] = draft[key]
  }
  return next
}
