import { openableLink } from '@harvest/shared'

/** The room's video call, in a new tab that cannot reach back into this one. */
export function MeetingLink({ link, label = 'Join the video call' }: { link: string | null; label?: string }) {
  const href = openableLink(link)
  if (!href) return null
  return (
    <a className="meeting-link" href={href} target="_blank" rel="noopener noreferrer">
      {label} ↗
    </a>
  )
}
