import type { Story } from '@harvest/shared'
import { LIMITS } from '@harvest/shared'
import { stories } from '../../commands'
import { ClockView } from '../clock/ClockView'
import { CommitText } from '../inputs/CommitField'
import { StorySteps } from './StorySteps'

const STATUS_LABELS: Record<Story['status'], string> = { queued: 'Queued', telling: 'Telling', qa: 'Q&A', done: 'Done', skipped: 'Skipped' }

/**
 * One story as the run view lists it, in two short lines: where it stands, who and what, and its
 * next step. Storytellers, slots and order are edited in the plan view.
 */
export function RunStoryRow({ story, index, canDrive }: { story: Story; index: number; canDrive: boolean }) {
  const n = index + 1
  return (
    <li className={`story-row run-story status-${story.status}`} data-story-id={story.id}>
      <div className="story-line">
        <span className="agenda-index">{n}</span>
        <span className={`status-chip chip-${story.status}`}>{STATUS_LABELS[story.status]}</span>
        <strong className="run-story-city">{story.city}</strong>
        <CommitText className="inline-edit grow" label={`Title of story ${n}`} value={story.title} maxLength={LIMITS.titleMax}
          placeholder="story title" onCommit={(title) => stories.update({ id: story.id, title })} />
      </div>
      <div className="story-line">
        <span className="muted run-story-who">{story.storytellerName || 'storyteller to come'} · {story.slotMinutes}+{story.qaMinutes} min</span>
        {story.status === 'telling' && <ClockView clock={story.tellClock} size="sm" kind="tell" />}
        {story.status === 'qa' && <ClockView clock={story.qaClock} size="sm" kind="qa" />}
        <StorySteps story={story} disabled={!canDrive} />
      </div>
    </li>
  )
}
