import { useState, type FormEvent } from 'react'
import type { Clock, ClockTarget } from '@harvest/shared'
import { clockPhase, parseDuration } from '@harvest/shared'
import { drive } from '../../commands'

/** Start or pause, a minute either way, reset, and set any length by typing it. */
export function ClockControls({ target, clock, disabled }: { target: ClockTarget; clock: Clock; disabled: boolean }) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const phase = clockPhase(clock)
  const send = (command: Parameters<typeof drive.clock>[1]) => drive.clock(target, command)

  async function setLength(event: FormEvent) {
    event.preventDefault()
    const ms = parseDuration(typed)
    if (ms === null) return setError(`Cannot read “${typed.trim() || ' '}”. Try 7, 1:30, 90s or 1h30.`)
    if (ms < 1000) return setError('At least one second.')
    setError(null)
    if (await send({ op: 'set', remainingMs: ms })) setTyped('')
  }

  return (
    <div className="clock-controls">
      <div className="button-row">
        {phase === 'running' ? (
          <button className="primary" disabled={disabled} onClick={() => send({ op: 'pause' })}>Pause</button>
        ) : (
          <button className="primary" disabled={disabled} onClick={() => send({ op: 'start' })}>{phase === 'paused' ? 'Resume' : 'Start'}</button>
        )}
        <button disabled={disabled} onClick={() => send({ op: 'adjust', deltaMs: -60_000 })} aria-label="−1 min: remove a minute">−1 min</button>
        <button disabled={disabled} onClick={() => send({ op: 'adjust', deltaMs: 60_000 })} aria-label="+1 min: add a minute">+1 min</button>
        <button disabled={disabled} onClick={() => send({ op: 'reset' })}>Reset</button>
      </div>
      <form className="set-length" onSubmit={setLength}>
        <input aria-label="Set time left" placeholder="7, 1:30, 90s…" value={typed} disabled={disabled}
          aria-invalid={error !== null} onChange={(e) => { setTyped(e.target.value); setError(null) }} />
        <button disabled={disabled || !typed.trim()}>Set</button>
      </form>
      {error && <p className="error field-error" role="alert">{error}</p>}
    </div>
  )
}
