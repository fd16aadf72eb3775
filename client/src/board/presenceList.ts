import type { BoardPresence } from '@harvest/shared'
import { WRITING_NEW } from '@harvest/shared'

/** Someone else on the board, as read from awareness. */
export interface PresenceEntry extends BoardPresence {
  clientId: number
}

export { WRITING_NEW }

const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')

/** Reads one awareness state defensively: anyone can put anything in theirs. */
export function readPresence(clientId: number, state: unknown): PresenceEntry | null {
  if (!state || typeof state !== 'object') return null
  const s = state as Record<string, unknown>
  const memberId = str(s.memberId, 64)
  if (!memberId) return null
  const editing = str(s.editing, 64)
  return {
    clientId,
    memberId,
    name: str(s.name, 80) || 'Someone',
    city: str(s.city, 120),
    color: /^#[0-9a-f]{6}$/i.test(str(s.color, 7)) ? str(s.color, 7) : '#888888',
    area: str(s.area, 120),
    editing: editing || null,
  }
}

/**
 * Everyone else on the board, one entry per person (someone with two tabs open counts once,
 * the tab that is editing winning), sorted by name.
 */
export function othersPresent(states: ReadonlyMap<number, unknown>, selfClientId: number, selfMemberId: string | null): PresenceEntry[] {
  const byMember = new Map<string, PresenceEntry>()
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue
    const entry = readPresence(clientId, state)
    if (!entry || entry.memberId === selfMemberId) continue
    const seen = byMember.get(entry.memberId)
    if (!seen || (!seen.editing && entry.editing)) byMember.set(entry.memberId, entry)
  }
  return [...byMember.values()].sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** Who is editing each card, by card id. */
export function editorsByCard(people: readonly PresenceEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const p of people) {
    if (!p.editing || p.editing === WRITING_NEW) continue
    map.set(p.editing, [...(map.get(p.editing) ?? []), p.name])
  }
  return map
}

/** Names of the people writing a new card in an area. */
export function writersIn(people: readonly PresenceEntry[], area: string): string[] {
  return people.filter((p) => p.editing === WRITING_NEW && p.area === area).map((p) => p.name)
}

/** How many people look at each area. */
export function peopleByArea(people: readonly PresenceEntry[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const p of people) map.set(p.area, (map.get(p.area) ?? 0) + 1)
  return map
}

/** "Ana is writing…", "Ana and Ben are writing…", "Ana and 3 others are writing…". */
export function writingLine(names: readonly string[], verb = 'writing'): string {
  if (names.length === 0) return ''
  if (names.length === 1) return `${names[0]} is ${verb}…`
  if (names.length === 2) return `${names[0]} and ${names[1]} are ${verb}…`
  return `${names[0]} and ${names.length - 1} others are ${verb}…`
}

const PALETTE = ['#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f', '#b45309', '#0e7490', '#9f1239', '#4338ca']

/** A stable colour per person, so the same person looks the same on every screen. */
export function colorFor(memberId: string): string {
  let hash = 0
  for (let i = 0; i < memberId.length; i++) hash = (hash * 31 + memberId.charCodeAt(i)) | 0
  return PALETTE[Math.abs(hash) % PALETTE.length]!
}
