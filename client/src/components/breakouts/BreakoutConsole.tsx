import { useState } from 'react'
import { currentItem } from '@harvest/shared'
import { roundName, roundsOf } from '../../breakouts/roundView'
import { useLiveRound, useRoundPhase, useRounds } from '../../breakouts/useLiveRound'
import { useControlStore } from '../../stores/useControlStore'
import { ClosedSummary } from './ClosedSummary'
import { LiveOverview } from './LiveOverview'
import { RoundCreateForm } from './RoundCreateForm'
import { RoundSetup } from './RoundSetup'

const MODE = { assigned: 'assigned rooms', open_space: 'open space' } as const

/**
 * The facilitator's breakouts, for the current breakout item (or the round still running):
 * create a round, set up its rooms, then run all rooms from one overview.
 */
export function BreakoutConsole() {
  const item = useControlStore((s) => (s.control ? currentItem(s.control) : null))
  const all = useRounds()
  const live = useLiveRound()
  const [chosen, setChosen] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const itemRounds = roundsOf(all, item?.id ?? null)
  const tabs = live && !itemRounds.includes(live) ? [live, ...itemRounds] : itemRounds
  const round = tabs.find((r) => r.id === chosen) ?? live ?? itemRounds.at(-1) ?? null
  const phase = useRoundPhase(round)
  if (!live && item?.kind !== 'breakout') return null

  return (
    <section className="panel breakout-console" aria-label="Breakout rooms">
      <header className="breakout-head">
        <h2>Breakout rooms <span className="count">{item?.title}</span></h2>
        <div className="round-tabs" role="tablist" aria-label="Rounds">
          {tabs.map((r) => (
            <button key={r.id} role="tab" aria-selected={r === round && !creating} className={r === round && !creating ? 'area-tab on' : 'area-tab'}
              onClick={() => { setChosen(r.id); setCreating(false) }}>
              {roundName(all, r)} <span className="tab-count">{MODE[r.mode]} · {r === round ? phase : r.status}</span>
            </button>
          ))}
          {item?.kind === 'breakout' && !creating && <button className="small" onClick={() => setCreating(true)}>+ New round</button>}
        </div>
      </header>
      {(creating || !round) && item?.kind === 'breakout' && (
        <RoundCreateForm itemId={item.id} onCreated={(id) => { setChosen(id); setCreating(false) }} onCancel={round ? () => setCreating(false) : undefined} />
      )}
      {round && !creating && phase === 'planned' && <RoundSetup key={round.id} round={round} />}
      {round && !creating && (phase === 'open' || phase === 'closing') && <LiveOverview round={round} closing={phase === 'closing'} />}
      {round && !creating && phase === 'closed' && <ClosedSummary round={round} />}
    </section>
  )
}
