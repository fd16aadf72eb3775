import { useEffect } from 'react'
import { STORY_TEMPLATE } from '@harvest/shared'
import { notes } from '../../commands'
import { useNotesStore } from '../../stores/useNotesStore'
import { useSessionStore } from '../../stores/useSessionStore'
import './participant.css'

/** A story's prepared notes, read-only, section by section; what the storyteller sees while telling. */
export function StoryNotesView({ storyId, large }: { storyId: string; large?: boolean }) {
  const stored = useNotesStore((s) => s.notes[storyId])
  const online = useSessionStore((s) => s.status === 'online')

  // Fetched on demand; 'notes:changed' keeps them fresh afterwards, and a reconnect fetches again.
  useEffect(() => {
    if (online) void notes.load(storyId)
  }, [storyId, online])

  if (!stored) return <p className="muted">Loading the notes…</p>
  const sections = STORY_TEMPLATE.map((section) => ({ ...section, fields: section.fields.filter((f) => stored[f.key].trim()) })).filter((s) => s.fields.length > 0)
  if (sections.length === 0) return <p className="muted">No notes prepared yet.</p>
  return (
    <div className={large ? 'notes-view large' : 'notes-view'}>
      {sections.map((section) => (
        <section key={section.section}>
          <h3>{section.section}</h3>
          <dl>
            {section.fields.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd>{stored[f.key]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  )
}
