import { currentItem } from '@harvest/shared'
import { useLiveRound } from '../../breakouts/useLiveRound'
import { useControlStore } from '../../stores/useControlStore'
import { Board } from '../Board'
import { Breakouts } from '../breakouts/Breakouts'
import { RecapPanel } from '../session/RecapPanel'
import { NowPanel } from './NowPanel'
import { PeopleStrip } from './PeopleStrip'
import { StoryQueue } from './StoryQueue'

/**
 * Running the session on one screen: what runs now and its clock, what is next, the storyteller
 * queue (or, in breakouts, every room with the round's countdown), the people, and the board
 * beside them. The clocks and the people stay put while the queue or the rooms scroll below them,
 * and the board scrolls on its own, so the clock and the board stay in view together.
 */
export function RunView() {
  const item = useControlStore((s) => (s.control ? currentItem(s.control) : null))
  const storyCount = useControlStore((s) => s.control?.stories.length ?? 0)
  const told = useControlStore((s) => s.control?.stories.filter((story) => story.status === 'done' || story.status === 'skipped').length ?? 0)
  const live = useLiveRound()
  const inBreakouts = !!live || item?.kind === 'breakout'
  return (
    <div className={inBreakouts ? 'run-view run-breakouts' : 'run-view'}>
      <div className="run-side">
        <div className="run-now"><NowPanel /><PeopleStrip /></div>
        <div className="run-more">
          <RecapPanel />
          {inBreakouts ? (
            <Breakouts />
          ) : (
            (item?.kind === 'storytelling' || storyCount > 0) && (
              <section className="panel run-queue" aria-label="Storyteller queue">
                <h2>Storytellers <span className="count">{told} of {storyCount} told</span></h2>
                <StoryQueue compact />
              </section>
            )
          )}
        </div>
      </div>
      <div className="run-board">
        <Board />
      </div>
    </div>
  )
}
