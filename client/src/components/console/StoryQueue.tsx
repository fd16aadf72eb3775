import { mayDrive } from '@harvest/shared'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { StoryAddForm } from './StoryAddForm'
import { RunStoryRow } from './RunStoryRow'
import { StoryRow } from './StoryRow'

/** The storyteller queue: reorder, skip, insert, and run each story's telling and Q&A; `compact` lists them for running and leaves editing and adding to the plan view. */
export function StoryQueue({ compact = false }: { compact?: boolean }) {
  const stories = useControlStore((s) => s.control?.stories ?? [])
  const control = useControlStore((s) => s.control)
  const you = useSessionStore((s) => s.state?.you)
  const canDrive = mayDrive(control, you?.role, you?.memberId)
  const planned = stories.filter((s) => s.status !== 'skipped').reduce((sum, s) => sum + s.slotMinutes + s.qaMinutes, 0)
  return (
    <div className="story-queue">
      {!compact && (
        <p className="muted">
          {stories.length === 0 ? 'No stories yet. Add one per city; participants can also volunteer their own.' : `${stories.length} ${stories.length === 1 ? 'story' : 'stories'} · ${planned} min planned with Q&A`}
        </p>
      )}
      <ol className="story-list">
        {stories.map((story, i) =>
          compact ? <RunStoryRow key={story.id} story={story} index={i} canDrive={canDrive} /> : <StoryRow key={story.id} story={story} index={i} count={stories.length} canDrive={canDrive} />,
        )}
      </ol>
      {!compact && <StoryAddForm />}
    </div>
  )
}
