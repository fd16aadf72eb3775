import type { ConnectionStatus } from '../stores/useSessionStore'

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Offline: reconnecting…',
  refused: 'Refused',
}

/** Tells the person, at a glance, whether what they see is live. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return <span className={`badge status-${status}`} role="status">{LABELS[status]}</span>
}
