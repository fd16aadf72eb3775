import { useSessionStore } from '../stores/useSessionStore'

/** Says plainly, across the top of the page, that what is shown may be out of date. */
export function OfflineBanner() {
  const status = useSessionStore((s) => s.status)
  const hasState = useSessionStore((s) => s.state !== null)
  if (status !== 'offline' || !hasState) return null
  return (
    <div className="offline-banner" role="alert">
      <strong>You are offline.</strong> Reconnecting… Clocks keep counting from the last state this screen knew;
      nothing you change is sent until the connection is back, and then everything catches up by itself.
    </div>
  )
}
