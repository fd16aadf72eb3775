/** Why a meeting link is refused, on the server and in the room form alike. */
export const MEETING_LINK_RULE = 'the meeting link must be a full http:// or https:// address'

/** True for a full http:// or https:// address: a link that can never run script when clicked. */
export function isMeetingLink(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Checks a meeting link as typed: a full http:// or https:// address, or nothing. Anything else
 * (javascript:, a bare host) could run script or go nowhere when clicked.
 */
export function checkMeetingLink(input: string): { ok: true; link: string | null } | { ok: false; message: string } {
  const value = input.trim()
  if (value === '') return { ok: true, link: null }
  if (isMeetingLink(value)) return { ok: true, link: value }
  return { ok: false, message: MEETING_LINK_RULE.charAt(0).toUpperCase() + MEETING_LINK_RULE.slice(1) }
}

/** A safe link to open, or null: the server validates links, this guards against anything older. */
export function openableLink(link: string | null): string | null {
  if (!link) return null
  const checked = checkMeetingLink(link)
  return checked.ok ? checked.link : null
}
