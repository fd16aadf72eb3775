import type { SessionListing } from '@harvest/shared'

// Ł and Ø carry no combining mark to strip, so they are mapped by hand (Łódź is found as "lodz").
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/ł/g, 'l').replace(/ø/g, 'o')

/** The sessions whose title, cluster, round or one of whose cities contains every word typed, accents ignored. */
export function filterSessions(sessions: readonly SessionListing[], query: string): SessionListing[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...sessions]
  return sessions.filter(({ session }) => {
    const haystack = fold([session.title, session.cluster, session.round, ...session.cities.map((c) => c.name)].join(' '))
    return words.every((word) => haystack.includes(word))
  })
}
