import { DEFAULT_BOARD_MODE, currentItem } from '@harvest/shared'
import { areaLabel } from '../board/areas'
import { useTabList } from '../a11y/useTabList'
import { shownArea } from '../board/follow'
import { useBoardActor } from '../board/useBoardActor'
import { useFollowEnd } from '../board/useFollowEnd'
import { useStoryArea } from '../board/useStoryArea'
import { useBoardStore } from '../stores/useBoardStore'
import { useBoardViewStore, type BoardView } from '../stores/useBoardViewStore'
import { useControlStore } from '../stores/useControlStore'
import { useHarvestStore } from '../stores/useHarvestStore'
import { useSessionStore } from '../stores/useSessionStore'
import { BoardWorkspace } from './board/BoardWorkspace'
import { FacilitatorBar } from './board/FacilitatorBar'
import { HistoryPanel } from './board/HistoryPanel'
import { PresenceStrip } from './board/PresenceStrip'
import { UndoControls } from './board/UndoControls'
import { VoteBar } from './board/VoteBar'
import { HarvestPanel } from './harvest/HarvestPanel'
import './board/board.css'

/** The shared board of the session: cards, patterns, votes and presence, live; and the harvest. */
export function Board() {
  const who = useBoardActor()
  const count = useBoardStore((s) => s.cards.length)
  const status = useBoardStore((s) => s.status)
  const refusal = useBoardStore((s) => s.refusal)
  const control = useControlStore((s) => s.control)
  const members = useSessionStore((s) => s.state?.members)
  const harvestCount = useHarvestStore((s) => s.entries.length)
  const view = useBoardViewStore((s) => s.view)
  const setView = useBoardViewStore((s) => s.setView)
  const chosen = useBoardViewStore((s) => s.chosenArea)
  const steppedAway = useBoardViewStore((s) => s.steppedAway)

  const mode = control?.boardMode ?? DEFAULT_BOARD_MODE
  const label = (id: string) => areaLabel(id, { stories: control?.stories ?? [], rounds: control?.rounds ?? [] })
  const area = shownArea(mode.follow, chosen, steppedAway, who.actor.memberId)
  useFollowEnd(who.actor.memberId && mode.follow?.by === who.actor.memberId ? null : mode.follow)
  useStoryArea()
  const leaderName = mode.follow ? (members?.find((m) => m.id === mode.follow?.by)?.name ?? null) : null
  const views: [BoardView, string][] = [['board', 'Board'], ['harvest', `Harvest (${harvestCount})`]]
  if (who.rights.moderate) views.push(['history', 'History'])
  const tabs = useTabList(views.map(([id]) => id), view, setView)

  return (
    <section className="board" aria-label="Shared board">
      <div className="board-head">
        <h2>Board <span className="count">{count} {count === 1 ? 'card' : 'cards'}</span></h2>
        {status === 'connecting' && <span className="muted">Loading the board…</span>}
        {status === 'offline' && <span className="badge status-offline">Board offline: your cards are kept and sent on reconnect</span>}
        {status === 'refused' && <span className="error" role="alert">Board refused: {refusal}</span>}
        <PresenceStrip areaLabel={label} />
        {who.rights.write && <UndoControls />}
      </div>
      {who.rights.moderate && who.actor.memberId && <FacilitatorBar mode={mode} area={area} memberId={who.actor.memberId} leaderName={leaderName} />}
      <VoteBar area={area} areaName={label(area)} areaLabel={label} moderate={who.rights.moderate} mayVote={who.rights.vote} />
      <div {...tabs.list} className="view-tabs" aria-label="Board views">
        {views.map(([id, text]) => (
          <button key={id} {...tabs.tab(id)} className={view === id ? 'view-tab on' : 'view-tab'}>{text}</button>
        ))}
      </div>
      <div {...tabs.panel}>
        {view === 'board' && (
          <BoardWorkspace who={who} area={area} mode={mode} phase={control ? (currentItem(control)?.phase ?? null) : null} leaderName={leaderName} />
        )}
        {view === 'harvest' && <HarvestPanel writable={who.rights.harvest} />}
        {view === 'history' && who.rights.moderate && <HistoryPanel />}
      </div>
    </section>
  )
}
