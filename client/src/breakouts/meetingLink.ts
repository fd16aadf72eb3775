/**
 * Checks a meeting link as the server does: a full http:// or https:// address, or nothing.
 * Anything else (javascript:, a bare host) could run script or go nowhere when clicked.
 */
export function checkMeetingLink(input: string): { ok: true; link: string | null } | { ok: false; message: string } {
  const value = input.trim()
  if (value === '') return { ok: true, link: null }
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, link: value }
  } catch {
    // Not a URL at all: fall through to the same message.
  }
  return { ok: false, message: 'The meeting link must be a full http:// or https:// address' }
}

/** A safe link to open, or null: the server validates links, this guards against anything older. */
export function openableLink(link: string | null): string | null {
  if (!link) return null
  const checked = checkMeetingLink(link)
  return checked.ok ? checked.link : null
}
