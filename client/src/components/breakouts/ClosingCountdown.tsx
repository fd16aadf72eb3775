import type { BreakoutRound } from '@harvest/shared'
import { useServerNow } from '../../time/useServerNow'

/** The seconds until the rooms close, from the server's closesAt and this screen's server time. */
export function ClosingCountdown({ round }: { round: BreakoutRound }) {
  const now = useServerNow()
  const seconds = Math.max(0, Math.ceil(((round.closesAt ?? now) - now) / 1000))
  return (
    <p className="closing-countdown" role="timer" aria-live="polite">
      Rooms close in <strong className="closing-seconds">{Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}</strong>: everyone comes back to the plenary.
    </p>
  )
}
