import { useState, type FormEvent } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { BREAKOUT_LIMITS } from '@harvest/shared'
import { rounds } from '../../breakouts/breakoutCommands'
import { ClosingCountdown } from './ClosingCountdown'

/** Running the rooms: a banner to every room, more time for all, the warning, closing all. */
export function LiveControls({ round, closing }: { round: BreakoutRound; closing: boolean }) {
  const [text, setText] = useState('')
  const [countdown, setCountdown] = useState('30')
  const [confirming, setConfirming] = useState(false)
  const seconds = Math.max(0, Math.min(BREAKOUT_LIMITS.closeCountdownMaxSeconds, Math.round(Number(countdown)) || 0))

  async function broadcast(event: FormEvent) {
    event.preventDefault()
    if (text.trim() && (await rounds.broadcast(round.id, text.trim())).ok) setText('')
  }

  if (closing) return <ClosingCountdown round={round} />
  return (
    <div className="live-controls">
      <form className="broadcast-form" aria-label="Broadcast to all rooms" onSubmit={(e) => void broadcast(e)}>
        <input aria-label="Message to all rooms" className="grow" value={text} maxLength={BREAKOUT_LIMITS.bannerMax} placeholder="Message to every room, e.g. “10 minutes left: agree on one insight”" onChange={(e) => setText(e.target.value)} />
        <button className="primary" disabled={!text.trim()}>Broadcast</button>
        {round.banner && <button type="button" className="link" onClick={() => void rounds.broadcast(round.id, null)}>Clear banner</button>}
      </form>
      {round.banner && <p className="muted small-text">Showing in every room: “{round.banner.text}”</p>}
      <div className="button-row">
        <span className="muted">All rooms:</span>
        <button onClick={() => void rounds.extend(round.id, null, 60_000)}>+1 min</button>
        <button onClick={() => void rounds.extend(round.id, null, 5 * 60_000)}>+5 min</button>
        <button onClick={() => void rounds.warn(round.id)}>“One minute left”</button>
        <span className="close-group">
          <label className="inline-check">close in
            <input aria-label="Countdown (seconds)" className="tiny-number" type="number" min={0} max={BREAKOUT_LIMITS.closeCountdownMaxSeconds} value={countdown} onChange={(e) => setCountdown(e.target.value)} /> s
          </label>
          {confirming ? (
            <>
              <button className="primary danger-fill" onClick={() => { setConfirming(false); void rounds.close(round.id, seconds) }}>Close all rooms in {seconds} s</button>
              <button className="link" onClick={() => setConfirming(false)}>Cancel</button>
            </>
          ) : (
            <button onClick={() => setConfirming(true)}>Close all rooms…</button>
          )}
        </span>
      </div>
    </div>
  )
}
