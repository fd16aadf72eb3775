import { PHASE_LABELS, currentItem } from '@harvest/shared'
import { liveStory, storyClock } from '../../control/activeClock'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { ClockView } from '../clock/ClockView'
import { StoryNotesView } from './StoryNotesView'
import './participant.css'

/**
 * What everyone sees at the top: the current item, its prompt and clock; during storytelling,
 * who is telling, the story and its clock. The storyteller also sees their own notes.
 */
export function NowShowing() {
  const control = useControlStore((s) => s.control)
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  if (!control) return null
  const item = currentItem(control)
  const story = liveStory(control)
  const sClock = storyClock(control)
  const mine = story !== null && meId !== null && story.storytellerId === meId
  const upNext = item?.kind === 'storytelling' && !story ? control.stories.find((s) => s.status === 'queued') : undefined

  return (
    <section className="now-showing" aria-label="Now">
      <div className="now-item panel">
        <div className="now-text">
          <p className="eyebrow">
            Now{item && item.phase !== 'none' && <span className="phase-chip">{PHASE_LABELS[item.phase]}</span>}
          </p>
          <h2 className="now-title">{item?.title ?? 'The session has not started yet'}</h2>
          {item?.prompt && <p className="prompt">{item.prompt}</p>}
          {upNext && <p className="muted">Up next: {upNext.storytellerName || 'a storyteller'} from {upNext.city}</p>}
        </div>
        {item && <ClockView clock={item.clock} size={story ? 'md' : 'lg'} kind="item" label={story ? 'Item' : undefined} />}
      </div>
      {story && sClock && (
        <section className={mine ? 'now-story panel mine' : 'now-story panel'} aria-label="Now telling">
          <div className="now-text">
            <p className="eyebrow">{mine ? 'You are telling' : story.status === 'qa' ? 'Questions for' : 'Now telling'}</p>
            <h2 className="now-title storyteller">{story.storytellerName || 'Storyteller'} <span className="city">· {story.city}</span></h2>
            {story.title && <p className="story-title">{story.title}</p>}
          </div>
          <ClockView clock={sClock.clock} size="lg" kind={sClock.target.kind === 'story' ? sClock.target.part : 'item'} label={sClock.label} />
          {mine && (
            <div className="my-notes">
              <h3>Your notes</h3>
              <StoryNotesView storyId={story.id} large />
            </div>
          )}
        </section>
      )}
    </section>
  )
}
