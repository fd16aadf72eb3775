import { useState, type FormEvent } from 'react'
import { LIMITS, can } from '@harvest/shared'
import { stories } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { selectMe, useSessionStore } from '../../stores/useSessionStore'
import { StoryNotesForm } from './StoryNotesForm'
import './participant.css'

/** "Prepare my story": the template for a storyteller, or a way to volunteer one's city's story. */
export function MyStoryPanel() {
  const me = useSessionStore(selectMe)
  const role = useSessionStore((s) => s.state?.you.role)
  const all = useControlStore((s) => s.control?.stories)
  if (!me || !role || !all) return null
  const mine = all.filter((s) => s.storytellerId === me.id && s.status !== 'skipped')

  if (mine.length === 0) return can(role, 'stories:volunteer') ? <VolunteerForm city={me.city} /> : null
  return (
    <>
      {mine.map((story) => (
        <details key={story.id} className="panel my-story" open={story.status === 'queued'}>
          <summary>
            <h2>Prepare my story{story.title ? `: ${story.title}` : ''}</h2>
            <span className="muted">
              {story.city} · {story.slotMinutes} min to tell, {story.qaMinutes} min of questions · position {all.indexOf(story) + 1} of {all.length}
              {story.status !== 'queued' && ` · ${story.status === 'done' ? 'told' : 'live now'}`}
            </span>
          </summary>
          <p className="muted">
            About {story.slotMinutes} minutes: people follow a story better than a report. Your notes are seen by you,
            the facilitators and the harvesters, and appear on your screen while you tell.
          </p>
          <StoryNotesForm storyId={story.id} />
        </details>
      ))}
    </>
  )
}

function VolunteerForm({ city }: { city: string }) {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    await stories.volunteer(title)
    setBusy(false)
  }

  return (
    <section className="panel volunteer" aria-labelledby="volunteer-heading">
      <h2 id="volunteer-heading">Tell {city ? `${city}’s` : 'your city’s'} story</h2>
      <p className="muted">Any city, pilot or twin, can share a story of early outcomes and one or two key learnings. Put yours in the queue and prepare it here.</p>
      <form className="row" onSubmit={submit}>
        <label className="grow">
          Working title
          <input value={title} maxLength={LIMITS.titleMax} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. One-stop shop for home retrofits" />
        </label>
        <button className="primary" disabled={busy}>Volunteer my city’s story</button>
      </form>
    </section>
  )
}
