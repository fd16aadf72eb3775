import type { BreakoutRound } from '@harvest/shared'
import { unassigned } from '../../breakouts/roundView'
import { useMembers } from '../../breakouts/useMembers'
import { useControlStore } from '../../stores/useControlStore'
import { ClockView } from '../clock/ClockView'
import { selectRoundMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { HelpCalls } from './HelpCalls'
import { LinkPattern } from './LinkPattern'
import { LiveControls } from './LiveControls'
import { Marketplace } from './Marketplace'
import { RoomsBoard } from './RoomsBoard'

/** All rooms at once while they run: who is where, cards, help calls, and the controls. */
export function LiveOverview({ round, closing }: { round: BreakoutRound; closing: boolean }) {
  const { list, byId } = useMembers()
  const membership = useBreakoutStore(selectRoundMembers(round.id))
  const inRooms = Object.values(membership).reduce((n, ids) => n + ids.length, 0)
  const waiting = unassigned(list, membership).length
  const calls = round.rooms.filter((r) => r.help).length
  // The round runs on its agenda item's clock: its countdown stays beside the rooms.
  const item = useControlStore((s) => s.control?.agenda.find((i) => i.id === round.itemId))

  return (
    <div className="live-overview">
      <p className="live-summary" role="status">
        <span className="badge status-online">{closing ? 'Closing' : 'Open'}</span>{' '}
        <strong>{inRooms}</strong> {inRooms === 1 ? 'person' : 'people'} in <strong>{round.rooms.length}</strong> rooms
        {waiting > 0 && <> · <span className="warn">{waiting} in no room</span></>}
        {calls > 0 && <> · <span className="error">{calls} {calls === 1 ? 'room calls' : 'rooms call'} for you</span></>}
      </p>
      {item && !closing && <ClockView clock={item.clock} size="md" kind="item" label="Round" />}
      <LiveControls round={round} closing={closing} />
      <LinkPattern round={round} />
      <HelpCalls round={round} byId={byId} />
      <RoomsBoard round={round} live />
      {round.mode === 'open_space' && (
        <details className="live-topics">
          <summary>Topics marketplace ({round.topics.length})</summary>
          <Marketplace round={round} joinable={false} />
        </details>
      )}
    </div>
  )
}
