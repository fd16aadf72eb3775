import { useId } from 'react'
import { useTabList } from '../../a11y/useTabList'
import { useBackToPlenary } from '../breakouts/useBackToPlenary'
import { PlanView } from './PlanView'
import { RunView } from './RunView'
import { StageLink } from './StageLink'
import { useConsoleView, type ConsoleView } from './useConsoleView'
import './console.css'
import './consoleViews.css'

const VIEWS: readonly ConsoleView[] = ['run', 'plan']
const LABELS: Record<ConsoleView, string> = { run: 'Run the session', plan: 'Plan' }
const HINTS: Record<ConsoleView, string> = { run: 'clock, queue, rooms, people, board', plan: 'agenda, storytellers, people, links' }

/**
 * The facilitator's page below the header: a run view with everything needed while the session
 * runs on one screen, and a plan view with the editors and the links.
 */
export function FacilitatorConsole() {
  const [view, setView] = useConsoleView()
  useBackToPlenary()
  const tabs = useTabList(VIEWS, view, setView)
  const hintId = useId()
  return (
    <div className={`facilitator-console view-${view}`}>
      <nav className="console-switch" aria-label="Console">
        <div {...tabs.list} aria-label="Console views" className="view-switch">
          {VIEWS.map((v) => (
            <button key={v} {...tabs.tab(v)} aria-describedby={`${hintId}-${v}`} className={view === v ? 'switch on' : 'switch'}>
              {LABELS[v]}
            </button>
          ))}
        </div>
        <span id={`${hintId}-${view}`} className="muted switch-hint">{HINTS[view]}</span>
        {VIEWS.filter((v) => v !== view).map((v) => <span key={v} id={`${hintId}-${v}`} hidden>{HINTS[v]}</span>)}
        <StageLink compact />
      </nav>
      <div {...tabs.panel} className="console-view">
        {view === 'run' ? <RunView /> : <PlanView />}
      </div>
    </div>
  )
}
