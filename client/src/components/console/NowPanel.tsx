import { ITEM_KINDS, PHASE_LABELS, currentItem, mayDrive, sessionStarted } from '@harvest/shared'
import { drive } from '../../commands'
import { liveStory, storyClock } from '../../control/activeClock'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { ClockView } from '../clock/ClockView'
import { ChimeToggle } from './ChimeToggle'
import { ClockControls } from './ClockControls'
import { AgendaFitSummary } from './AgendaFitSummary'
import { LeadBar } from './LeadBar'
import { ScheduleStatus } from './ScheduleStatus'
import { ShortcutHelp } from './ShortcutHelp'
import { StorySteps } from './StorySteps'
import { useShortcuts } from './useShortcuts'
import './console.css'

const KIND_LABELS: Record<(typeof ITEM_KINDS)[number], string> = { plenary: 'Plenary', storytelling: 'Storytelling', breakout: 'Breakouts' }

/** The facilitator's cockpit: the current item and story, their clocks, and moving on. */
export function NowPanel() {
  const control = useControlStore((s) => s.control)
  const you = useSessionStore((s) => s.state?.you)
  const canDrive = mayDrive(control, you?.role, you?.memberId)
  useShortcuts(canDrive)
  if (!control) return null

  const item = currentItem(control)
  const index = item ? control.agenda.indexOf(item) : -1
  const story = liveStory(control)
  const sClock = storyClock(control)
  const nextStory = item?.kind === 'storytelling' && !story ? control.stories.find((s) => s.status === 'queued') : undefined
  const nextItem = control.agenda[index + 1]

  return (
    <section className="panel console-now" aria-label="Now running">
      <LeadBar />
      <div className="now-grid">
        <div className="now-info">
          <p className="eyebrow">
            {item ? `Item ${index + 1} of ${control.agenda.length} · ${KIND_LABELS[item.kind]}` : 'Not started'}
            {item && item.phase !== 'none' && <span className="phase-chip">{PHASE_LABELS[item.phase]}</span>}
          </p>
          <h2 className="now-title">{item?.title ?? 'Press Next to open the first item'}</h2>
          {item?.prompt && <p className="prompt">{item.prompt}</p>}
          <div className="button-row">
            <button disabled={!canDrive || index <= 0} onClick={() => drive.step(-1)}>← Previous</button>
            <button className="primary" disabled={!canDrive || index >= control.agenda.length - 1} onClick={() => drive.step(1)}>Next →</button>
          </div>
          {nextItem && (
            <p className="next-item">
              <span className="muted">{item ? 'Then' : 'First'}:</span> <strong>{nextItem.title}</strong> <span className="muted">· {nextItem.plannedMinutes} min</span>
            </p>
          )}
          {nextStory && (
            <p className="next-story">
              Up next: <strong>{nextStory.storytellerName || 'storyteller'}</strong> · {nextStory.city}{' '}
              <StorySteps story={nextStory} disabled={!canDrive} />
            </p>
          )}
        </div>
        {item && (
          <div className="now-clock">
            <ClockView clock={item.clock} size={story ? 'md' : 'lg'} kind="item" label="Item" />
            <ClockControls key={item.id} target={{ kind: 'item', id: item.id }} clock={item.clock} disabled={!canDrive} />
          </div>
        )}
        {story && sClock && (
          <div className="now-story">
            <p className="eyebrow">{story.status === 'qa' ? 'Questions for' : 'Now telling'}</p>
            <h2 className="now-title">{story.storytellerName || 'Storyteller'} <span className="muted">· {story.city}</span></h2>
            {story.title && <p className="story-title">{story.title}</p>}
            <ClockView clock={sClock.clock} size="lg" kind={sClock.target.kind === 'story' ? sClock.target.part : 'item'} label={sClock.label} />
            <ClockControls key={`${story.id}-${story.status}`} target={sClock.target} clock={sClock.clock} disabled={!canDrive} />
            <StorySteps story={story} disabled={!canDrive} />
          </div>
        )}
      </div>
      <footer className="console-foot">
        {/* Before the start the plan is what matters; once running, where the clocks put the end. */}
        {sessionStarted(control) ? <ScheduleStatus /> : <AgendaFitSummary />}
        <ChimeToggle />
        <ShortcutHelp active={canDrive} />
      </footer>
    </section>
  )
}
