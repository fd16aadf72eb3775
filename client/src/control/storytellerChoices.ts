import type { Member } from '@harvest/shared'
import { isParticipant } from '@harvest/shared'

/** The people a story's storyteller can be picked from, its own city's participants first. */
export interface StorytellerChoices<M extends Member = Member> {
  fromCity: M[]
  others: M[]
}

const sameCity = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
const byName = (a: Member, b: Member) => a.name.localeCompare(b.name)

/**
 * Splits the session's people for a story of `city`: that city's participants, then everyone
 * else (other cities' participants before facilitators, harvesters and observers, who may tell
 * a story too but rarely do), each group by name.
 */
export function storytellerChoices<M extends Member>(members: readonly M[], city: string): StorytellerChoices<M> {
  const fromCity = members.filter((m) => isParticipant(m.role) && city.trim() !== '' && sameCity(m.city, city)).sort(byName)
  const others = members
    .filter((m) => !fromCity.includes(m))
    .sort((a, b) => Number(isParticipant(b.role)) - Number(isParticipant(a.role)) || byName(a, b))
  return { fromCity, others }
}
