import { useState } from 'react'
import type { AgendaItem } from '@harvest/shared'
import { currentItem } from '@harvest/shared'
import { roundName, roundsOf } from '../../breakouts/roundView'
import { useLiveRound, useRoundPhase, useRounds } from '../../breakouts/useLiveRound'
import { useControlStore } from '../../stores/useControlStore'
import { ClosedSummary } from './ClosedSummary'
import { LiveOverview } from './LiveOverview'
import { RoundCreateForm } from './RoundCreateForm'
import { RoundSetup } from './RoundSetup'

const MODE = { assigned: 'assigned rooms', open_space: 'open space' } as const
const NO_ITEMS: AgendaItem[] = []

/**
 * The facilitator's breakouts, for the current breakout item (or the round still running):
 * create a round, set up its rooms, then run all rooms from one overview. At other items it
 * offers to plan the rooms of a later breakout ahead of time.
 */
export function BreakoutConsole() {
  const current = useControlStore((s) => (s.control ? currentItem(s.control) : null))
  const agenda = useControlStore((s) => s.control?.agenda ?? NO_ITEMS)
  const all = useRounds()
  const live = useLiveRound()
  const [chosen, setChosen] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [ahead, setAhead] = useState<string | null>(null)
  const breakoutItems = agenda.filter((i) => i.kind === 'breakout')
  const item = current?.kind === 'breakout' ? current : (breakoutItems.find((i) => i.id === ahead) ?? null)
  const itemRounds = roundsOf(all, item?.id ?? null)
  const tabs = live && !itemRounds.includes(live) ? [live, ...itemRounds] : itemRounds
  const round = tabs.find((r) => r.id === chosen) ?? live ?? itemRounds.at(-1) ?? null
  const phase = useRoundPhase(round)

  if (!live && !item) {
    if (breakoutItems.length === 0) return null
    return (
      <section className="panel breakout-console plan-ahead" aria-label="Breakout rooms">
        <h2>Breakout rooms</h2>
        <span className="muted">Plan the rooms ahead of time for</span>
        {breakoutItems.map((i) => (
          <button key={i.id} className="small" onClick={() => setAhead(i.id)}>
            {i.title} <span className="tab-count">{roundsOf(all, i.id).length} rounds</span>
          </button>
        ))}
      </section>
    )
  }

  return (
    <section className="panel breakout-console" aria-label="Breakout rooms">
      <header className="breakout-head">
        <h2>Breakout rooms <span className="count">{item?.title ?? 'running'}</span></h2>
        <div className="round-tabs" role="tablist" aria-label="Rounds">
          {tabs.map((r) => (
            <button key={r.id} role="tab" aria-selected={r === round && !creating} className={r === round && !creating ? 'area-tab on' : 'area-tab'}
              onClick={() => { setChosen(r.id); setCreating(false) }}>
              {roundName(all, r)} <span className="tab-count">{MODE[r.mode]} · {r === round ? phase : r.status}</span>
            </button>
          ))}
          {item && !creating && round && <button className="small" onClick={() => setCreating(true)}>+ New round</button>}
        </div>
        {item && item !== current && !live && <button className="link" onClick={() => setAhead(null)}>Done planning</button>}
      </header>
      {item && item !== current && !live && <p className="muted small-text">Planning ahead: these rooms open when you open them, which also moves the session to “{item.title}”.</p>}
      {(creating || !round) && item && (
        <RoundCreateForm itemId={item.id} onCreated={(id) => { setChosen(id); setCreating(false) }} onCancel={round ? () => setCreating(false) : undefined} />
      )}
      {round && !creating && phase === 'planned' && <RoundSetup key={round.id} round={round} />}
      {round && !creating && (phase === 'open' || phase === 'closing') && <LiveOverview round={round} closing={phase === 'closing'} />}
      {round && !creating && phase === 'closed' && <ClosedSummary round={round} />}
    </section>
  )
}
