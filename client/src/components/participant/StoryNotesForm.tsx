import { useEffect, useRef, useState } from 'react'
import { CONTROL_LIMITS, EMPTY_NOTES, STORY_TEMPLATE } from '@harvest/shared'
import { notes } from '../../commands'
import { pendingPatch, settleDraft, shownNotes, type NotesDraft } from '../../control/notesDraft'
import { useNotesStore } from '../../stores/useNotesStore'
import { useSessionStore } from '../../stores/useSessionStore'

/** Typing pauses this long before a save, so a save is a sentence, not a keystroke. */
const SAVE_AFTER_MS = 800
const RETRY_AFTER_MS = 3000

/** The storytelling template with guidance beside each field; saves itself as the storyteller types. */
export function StoryNotesForm({ storyId }: { storyId: string }) {
  const stored = useNotesStore((s) => s.notes[storyId]) ?? EMPTY_NOTES
  const online = useSessionStore((s) => s.status === 'online')
  const [draft, setDraft] = useState<NotesDraft>({})
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [savedOnce, setSavedOnce] = useState(false)
  const inFlight = useRef(false)

  useEffect(() => {
    if (online) void notes.load(storyId)
  }, [storyId, online])

  const patch = pendingPatch(stored, draft)
  const dirty = Object.keys(patch).length > 0
  const patchKey = JSON.stringify(patch)

  useEffect(() => {
    if (!dirty || !online || inFlight.current) return
    const timer = setTimeout(async () => {
      inFlight.current = true
      setSaving(true)
      const saved = await notes.save(storyId, patch)
      const failure = saved.ok ? null : saved.message
      inFlight.current = false
      setSaving(false)
      setError(failure)
      if (!failure) {
        setDraft((d) => settleDraft(d, patch))
        setSavedOnce(true)
      }
      // Look again: more may have been typed while this save was in flight, or it failed.
      setTimeout(() => setAttempt((a) => a + 1), failure ? RETRY_AFTER_MS : 0)
    }, SAVE_AFTER_MS)
    return () => clearTimeout(timer)
    // patchKey stands for patch, which is a new object every render.
  }, [patchKey, online, attempt, storyId])

  const shown = shownNotes(stored, draft)
  const status = !online && dirty ? 'Offline: kept on this screen, saved when you are back'
    : error ? `Not saved: ${error}. Trying again…`
    : saving || dirty ? 'Saving…' : savedOnce ? 'All changes saved' : 'Saved automatically as you type'

  return (
    <div className="notes-form">
      <p className={error || (!online && dirty) ? 'save-status warn' : 'save-status muted'} role="status" aria-live="polite">{status}</p>
      {STORY_TEMPLATE.map((section) => (
        <fieldset key={section.section} className="template-section">
          <legend>{section.section}</legend>
          {section.fields.map((field) => (
            <div key={field.key} className="template-field">
              <label>
                <span className="field-label">{field.label}</span>
                <textarea rows={3} maxLength={CONTROL_LIMITS.noteFieldMax} value={shown[field.key]}
                  aria-describedby={`guide-${storyId}-${field.key}`}
                  onChange={(e) => setDraft((d) => ({ ...d, [field.key]: e.target.value }))} />
              </label>
              <p className="guidance" id={`guide-${storyId}-${field.key}`}>{field.guidance}</p>
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  )
}
