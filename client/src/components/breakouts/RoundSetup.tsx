import { useState } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { clockPhase } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'
import { selectRoundMembers, useBreakoutStore } from '../../stores/useBreakoutStore'
import { useControlStore } from '../../stores/useControlStore'
import { LinkPattern } from './LinkPattern'
import { Marketplace } from './Marketplace'
import { PlanPanel } from './PlanPanel'
import { ReusePanel } from './ReusePanel'
import { RoomForm } from './RoomForm'
import { RoomsBoard } from './RoomsBoard'
import { SpreadPanel } from './SpreadPanel'

type Step = 'topics' | 'rooms' | 'spread' | 'plan' | 'reuse'

/** Setting up a planned round: topics (open space), rooms and people, spread, plan, reuse; then open. */
export function RoundSetup({ round }: { round: BreakoutRound }) {
  const openSpace = round.mode === 'open_space'
  const [step, setStep] = useState<Step>(openSpace ? 'topics' : 'rooms')
  const item = useControlStore((s) => s.control?.agenda.find((i) => i.id === round.itemId))
  const placed = Object.values(useBreakoutStore(selectRoundMembers(round.id))).reduce((n, ids) => n + ids.length, 0)
  const steps: [Step, string][] = [
    ...(openSpace ? [['topics', `Topics (${round.topics.length})`] as [Step, string]] : []),
    ['rooms', `Rooms and people (${round.rooms.length})`],
    ...(openSpace ? [] : [['spread', 'Spread automatically'] as [Step, string]]),
    ['plan', `Plan arrivals (${Object.keys(round.planned).length})`],
    ['reuse', 'Reuse groups'],
  ]

  // Opening the rooms starts their clock too, unless the facilitator already started it.
  async function open() {
    if (!(await rounds.open(round.id)).ok) return
    if (item && clockPhase(item.clock) === 'idle') await rounds.startClock(item.id)
  }

  return (
    <div className="round-setup">
      <div className="setup-head">
        <div role="tablist" aria-label="Set up the round" className="setup-steps">
          {steps.map(([id, label]) => (
            <button key={id} role="tab" aria-selected={step === id} className={step === id ? 'view-tab on' : 'view-tab'} onClick={() => setStep(id)}>{label}</button>
          ))}
        </div>
        <span className="button-row">
          <span className="muted small-text">{round.rooms.length} rooms · {placed} people placed</span>
          <button className="primary" onClick={() => void open()} disabled={round.mode === 'assigned' && round.rooms.length === 0}
            title={item && clockPhase(item.clock) === 'idle' ? 'Opens every room and starts the breakout clock' : 'Opens every room'}>
            Open the rooms
          </button>
        </span>
      </div>
      {step === 'topics' && <Marketplace round={round} joinable={false} />}
      {step === 'rooms' && (
        <>
          <LinkPattern round={round} />
          <RoomsBoard round={round} live={false} />
          <RoomForm roundId={round.id} />
        </>
      )}
      {step === 'spread' && <SpreadPanel round={round} />}
      {step === 'plan' && <PlanPanel round={round} />}
      {step === 'reuse' && <ReusePanel round={round} />}
    </div>
  )
}
