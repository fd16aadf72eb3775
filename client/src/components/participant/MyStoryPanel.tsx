import { useId, useState, type FormEvent } from 'react'
import type { ControlState, Story } from '@harvest/shared'
import { LIMITS, can } from '@harvest/shared'
import { stories } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { selectMe, useSessionStore } from '../../stores/useSessionStore'
import { StoryNotesForm } from './StoryNotesForm'
import { StoryNotesView } from './StoryNotesView'
import './participant.css'

/**
 * A storyteller's own story, in one line above the board: the template opens from "Prepare my
 * story" instead of filling the screen; a story being told shows its notes at the top (NowShowing);
 * a told one folds away. Someone without a story may volunteer their city's.
 */
export function MyStoryPanel() {
  const me = useSessionStore(selectMe)
  const role = useSessionStore((s) => s.state?.you.role)
  const all = useControlStore((s) => s.control?.stories)
  const ended = useControlStore((s) => s.control?.endedAt != null)
  const storiesAhead = useControlStore((s) => (s.control ? storytellingAhead(s.control) : false))
  if (!me || !role || !all) return null
  const mine = all.filter((s) => s.storytellerId === me.id && s.status !== 'skipped')

  // The offer to volunteer stands while stories are still to be told, not in the breakouts after them.
  if (mine.length === 0) return can(role, 'stories:volunteer') && !ended && storiesAhead ? <VolunteerForm city={me.city} /> : null
  return (
    <>
      {mine.map((story) =>
        story.status === 'queued' ? <QueuedStory key={story.id} story={story} position={all.indexOf(story) + 1} of={all.length} />
          : story.status === 'done' ? <ToldStory key={story.id} story={story} />
          : null,
      )}
    </>
  )
}

/** Whether a storytelling item is running now or still to come (or the agenda has not started). */
function storytellingAhead(control: ControlState): boolean {
  const from = Math.max(0, control.agenda.findIndex((i) => i.id === control.currentItemId))
  return control.agenda.slice(from).some((i) => i.kind === 'storytelling')
}

function QueuedStory({ story, position, of }: { story: Story; position: number; of: number }) {
  const [open, setOpen] = useState(false)
  const templateId = useId()
  return (
    <section className={open ? 'panel my-story open' : 'panel my-story'} aria-label="Your story">
      <div className="my-story-line">
        <div className="grow">
          <h2>Your story{story.title ? `: ${story.title}` : ''}</h2>
          <p className="muted">
            {story.city} · {story.slotMinutes} min to tell, {story.qaMinutes} min of questions · {position} of {of} in the queue
          </p>
        </div>
        <button type="button" className={open ? undefined : 'primary'} aria-expanded={open} aria-controls={templateId} onClick={() => setOpen(!open)}>
          {open ? 'Close the template' : 'Prepare my story'}
        </button>
      </div>
      <div id={templateId} hidden={!open}>
        {open && (
          <>
            <p className="muted">
              About {story.slotMinutes} minutes: people follow a story better than a report. Your notes are seen by you,
              the facilitators and the harvesters, and appear on your screen while you tell.
            </p>
            <StoryNotesForm storyId={story.id} />
            <button type="button" onClick={() => setOpen(false)}>Done for now</button>
          </>
        )}
      </div>
    </section>
  )
}

/** Told: one line, folded; the notes stay a click away for whoever wants to look back. */
function ToldStory({ story }: { story: Story }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="my-story told" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Your story{story.title ? ` “${story.title}”` : ''} was told · your notes</summary>
      {open && <StoryNotesView storyId={story.id} />}
    </details>
  )
}

function VolunteerForm({ city }: { city: string }) {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const hintId = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    await stories.volunteer(title)
    setBusy(false)
  }

  return (
    <section className="panel volunteer" aria-labelledby="volunteer-heading">
      <form className="volunteer-line" onSubmit={submit}>
        <h2 id="volunteer-heading">Tell {city ? `${city}’s` : 'your city’s'} story</h2>
        <input value={title} maxLength={LIMITS.titleMax} onChange={(e) => setTitle(e.target.value)} aria-label="Working title" aria-describedby={hintId}
          placeholder="Working title, e.g. One-stop shop for home retrofits" />
        <button className="primary" disabled={busy}>Volunteer my city’s story</button>
        <p className="muted volunteer-hint" id={hintId}>Any city, pilot or twin, can share early outcomes and one or two key learnings; you prepare it here.</p>
      </form>
    </section>
  )
}
