import { useSessionStore } from '../../stores/useSessionStore'
import { Board } from '../Board'
import { Breakouts } from '../breakouts/Breakouts'
import { InviteLinks } from '../InviteLinks'
import { PeoplePanel } from '../PeoplePanel'
import { RecapPanel } from '../session/RecapPanel'
import { ConsoleTabs } from './ConsoleTabs'
import { NowPanel } from './NowPanel'
import { StageLink } from './StageLink'

/**
 * Planning the session: the agenda, the storytellers, timing, people and the survey one at a
 * time, with who has joined and every link to send beside them. The board follows below.
 */
export function PlanView() {
  const invites = useSessionStore((s) => s.state?.invites)
  return (
    <div className="plan-view">
      <NowPanel />
      <RecapPanel />
      <div className="plan-grid">
        <div className="plan-main">
          <ConsoleTabs />
          <Breakouts />
        </div>
        <aside className="plan-side">
          <PeoplePanel />
          {invites && <InviteLinks invites={invites} />}
          <StageLink />
        </aside>
      </div>
      <Board />
    </div>
  )
}
