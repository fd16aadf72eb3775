import { useState } from 'react'
import type { Story } from '@harvest/shared'
import { CONTROL_LIMITS, LIMITS } from '@harvest/shared'
import { stories } from '../../commands'
import { ClockView } from '../clock/ClockView'
import { CommitNumber, CommitText } from '../inputs/CommitField'
import { StoryNotesView } from '../participant/StoryNotesView'
import { StorySteps } from './StorySteps'
import { StorytellerPicker } from './StorytellerPicker'

const STATUS_LABELS: Record<Story['status'], string> = { queued: 'Queued', telling: 'Telling', qa: 'Q&A', done: 'Done', skipped: 'Skipped' }

/** One story in the queue: who, what, how long, where it stands, and what comes next for it. */
export function StoryRow({ story, index, count, canDrive }: { story: Story; index: number; count: number; canDrive: boolean }) {
  const update = (patch: Omit<Parameters<typeof stories.update>[0], 'id'>) => stories.update({ id: story.id, ...patch })
  const n = index + 1

  function remove() {
    if (confirm(`Remove ${story.city}’s story from the queue? Its prepared notes go with it.`)) void stories.remove(story.id)
  }

  return (
    <li className={`story-row status-${story.status}`} data-story-id={story.id}>
      <div className="story-line">
        <span className="agenda-index">{n}</span>
        <span className={`status-chip chip-${story.status}`}>{STATUS_LABELS[story.status]}</span>
        <CommitText className="inline-edit story-city" label={`City of story ${n}`} value={story.city} required maxLength={LIMITS.cityMax}
          onCommit={(city) => update({ city })} />
        <StorytellerPicker story={story} n={n} onChange={update} />
        <CommitText className="inline-edit grow" label={`Title of story ${n}`} value={story.title} maxLength={LIMITS.titleMax}
          placeholder="story title" onCommit={(title) => update({ title })} />
      </div>
      <div className="story-line">
        <span className="minutes">
          <CommitNumber label={`Slot minutes of story ${n}`} value={story.slotMinutes} min={1} max={CONTROL_LIMITS.storyMinutesMax}
            onCommit={(slotMinutes) => update({ slotMinutes })} /> <span className="muted">min +</span>
          <CommitNumber label={`Q&A minutes of story ${n}`} value={story.qaMinutes} min={0} max={CONTROL_LIMITS.storyMinutesMax}
            onCommit={(qaMinutes) => update({ qaMinutes })} /> <span className="muted">Q&amp;A</span>
        </span>
        {story.status === 'telling' && <ClockView clock={story.tellClock} size="sm" kind="tell" />}
        {story.status === 'qa' && <ClockView clock={story.qaClock} size="sm" kind="qa" />}
        <StorySteps story={story} disabled={!canDrive} />
        <span className="row-actions">
          <button className="icon" disabled={index === 0} onClick={() => stories.move(story.id, index - 1)} aria-label={`Move story ${n} up`}>↑</button>
          <button className="icon" disabled={index === count - 1} onClick={() => stories.move(story.id, index + 1)} aria-label={`Move story ${n} down`}>↓</button>
          <button className="icon danger" onClick={remove} aria-label={`Remove story ${n}`}>✕</button>
        </span>
      </div>
      <NotesPeek storyId={story.id} />
    </li>
  )
}

/** The storyteller's prepared notes, fetched only when the facilitator opens them. */
function NotesPeek({ storyId }: { storyId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="story-notes-peek" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Prepared notes</summary>
      {open && <StoryNotesView storyId={storyId} />}
    </details>
  )
}
