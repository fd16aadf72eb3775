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

/** What stands for the room in a round's meeting-link pattern. */
export const ROOM_PLACEHOLDER = '{room}'

/** A room's name as it goes into a link: "Heat pumps & heritage" → "heat-pumps-heritage". */
export function roomSlug(name: string): string {
  const letters: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', đ: 'd', æ: 'ae', œ: 'oe', ı: 'i' }
  const slug = name
    .toLowerCase()
    .replace(/[łøßđæœı]/g, (c) => letters[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug || 'room'
}

/** A round's pattern filled in for one room: every `{room}` becomes the room's name as a slug. */
export function applyLinkPattern(pattern: string, roomName: string): string {
  return pattern.split(ROOM_PLACEHOLDER).join(encodeURIComponent(roomSlug(roomName)))
}

/** A pattern is good when it makes a meeting link for any room. */
export function isLinkPattern(value: string): boolean {
  return isMeetingLink(applyLinkPattern(value, 'room'))
}

/**
 * The video link people of a room open: the room's own link, else the round's pattern filled in
 * with the room's name, else none. One base link with `{room}` serves 30 rooms without 30 pastes.
 */
export function roomLink(round: { linkPattern?: string | null }, room: { name: string; link: string | null }): string | null {
  if (room.link) return openableLink(room.link)
  return round.linkPattern ? openableLink(applyLinkPattern(round.linkPattern, room.name)) : null
}

/** A safe link to open, or null: the server validates links, this guards against anything older. */
export function openableLink(link: string | null): string | null {
  if (!link) return null
  const checked = checkMeetingLink(link)
  return checked.ok ? checked.link : null
}
