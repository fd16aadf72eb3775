import type { BreakoutRound } from '@harvest/shared'
import { showWarning } from '../../breakouts/roundView'
import { useBreakoutStore } from '../../stores/useBreakoutStore'
import { serverNow } from '../../stores/useTimeStore'
import { ClosingCountdown } from './ClosingCountdown'

/** What the facilitator sends to every room: the banner, the "one minute left" warning, the closing countdown. */
export function RoundNotices({ round, closing }: { round: BreakoutRound; closing: boolean }) {
  const dismissedBanner = useBreakoutStore((s) => s.dismissedBanner)
  const dismissedWarning = useBreakoutStore((s) => s.dismissedWarning)
  const { banner, warnedAt } = round
  return (
    <>
      {closing && <ClosingCountdown round={round} />}
      {banner && banner.id !== dismissedBanner && (
        <div className="round-banner" role="alert">
          <span className="banner-label">From the facilitator</span>
          <span className="banner-text">{banner.text}</span>
          <button className="small" onClick={() => useBreakoutStore.getState().dismissBanner(banner.id)}>Dismiss</button>
        </div>
      )}
      {!closing && showWarning(warnedAt, dismissedWarning, serverNow()) && (
        <div className="round-warning" role="alert">
          <strong>One minute left</strong> in the rooms: time to wrap up.
          <button className="small" onClick={() => useBreakoutStore.getState().dismissWarning(warnedAt!)}>OK</button>
        </div>
      )}
    </>
  )
}
