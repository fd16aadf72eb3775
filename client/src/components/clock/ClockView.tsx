import type { Clock } from '@harvest/shared'
import { clockPhase, formatClock, remainingMs } from '@harvest/shared'
import { clockLook } from '../../time/clockLook'
import { useServerNow } from '../../time/useServerNow'
import './clock.css'

const STATUS = { idle: 'Not started', running: 'Running', paused: 'Paused' } as const

/**
 * A countdown rendered from the server's clock state and this screen's estimate of server
 * time: never a local counter, so every screen shows the same time and a woken laptop is right.
 */
export function ClockView({ clock, size = 'md', label, kind }: {
  clock: Clock
  size?: 'sm' | 'md' | 'lg' | 'stage'
  label?: string
  /** Which clock this is, for styling and for tests: 'item', 'tell' or 'qa'. */
  kind?: string
}) {
  const now = useServerNow()
  const remaining = remainingMs(clock, now)
  const phase = clockPhase(clock)
  const look = clockLook(clock, now)
  const text = formatClock(remaining)
  const status = look === 'overtime' ? `Overtime${phase === 'paused' ? ' · paused' : ''}` : look === 'warning' && phase === 'running' ? 'Under 2:30 left' : STATUS[phase]
  return (
    <div className={`clock clock-${size} clock-${look} clock-${phase}${text.length > 6 ? ' clock-long' : ''}`} role="timer" data-clock={kind}
      aria-label={`${label ? `${label}: ` : ''}${text} ${look === 'overtime' ? 'over time' : 'left'}, ${status.toLowerCase()}`}>
      {label && <span className="clock-label">{label}</span>}
      <span className="clock-digits">{text}</span>
      <span className="clock-status">{phase === 'paused' && <span className="pause-mark" aria-hidden>❚❚ </span>}{status}</span>
    </div>
  )
}
