import type { Spreadable, SpreadOptions } from '@harvest/shared'

/** Deterministic shuffle, so a proposal can be reproduced from its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let state = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** How many rooms the options ask for, given the number of people. */
export function roomCount(people: number, by: SpreadOptions['by']): number {
  const n = 'rooms' in by ? by.rooms : Math.round(people / Math.max(1, by.size))
  return Math.max(1, Math.min(n, Math.max(1, people)))
}

const cityKey = (p: Spreadable) => p.city.trim().toLowerCase()
const kindKey = (p: Spreadable) => p.cityKind ?? 'none'

/**
 * Spreads people over rooms and returns member ids per room.
 *
 * Unless cities stay together, people are dealt round-robin over the rooms in one line, which
 * keeps rooms within one person of each other. The line is ordered so the deal does the rest:
 * with `mixKinds` each kind forms one unbroken run, so a kind with at least as many people as
 * rooms reaches every room; with `apart` each city forms one unbroken run, so a city with no more
 * people than rooms never lands twice in one room. (A greedy "least full room that lacks my city"
 * cannot promise that: it gets cornered when the last free seats all sit beside a compatriot.)
 */
export function spread(people: readonly Spreadable[], options: SpreadOptions, seed = 1): string[][] {
  const count = roomCount(people.length, options.by)
  const line = shuffled(people, seed)
  if (options.sameCity === 'together') return togetherByCity(line, count, options.mixKinds)
  const cities = groupBy(line, cityKey)
  // Runs of a city stay whole inside a kind's run: a city takes the kind most of its people have.
  const cityKind = new Map([...cities].map(([city, members]) => [city, mostCommon(members.map(kindKey))]))
  const kindOf = (p: Spreadable) => (options.sameCity === 'apart' ? cityKind.get(cityKey(p))! : kindKey(p))
  const kindSize = countBy(line, kindOf)
  // Biggest cities first, then first appearance in the shuffled line (Map order), for ties.
  const cityRank = new Map([...cities.keys()].sort((a, b) => cities.get(b)!.length - cities.get(a)!.length).map((city, i) => [city, i]))
  const position = new Map(line.map((p, i) => [p, i]))
  const ordered = [...line].sort(
    (a, b) =>
      (options.mixKinds ? kindSize.get(kindOf(a))! - kindSize.get(kindOf(b))! || kindOf(a).localeCompare(kindOf(b)) : 0) ||
      (options.sameCity === 'apart' ? cityRank.get(cityKey(a))! - cityRank.get(cityKey(b))! : 0) ||
      position.get(a)! - position.get(b)!,
  )
  const rooms: string[][] = Array.from({ length: count }, () => [])
  ordered.forEach((p, i) => rooms[i % count]!.push(p.id))
  return rooms
}

/**
 * Each city's people go to one room, biggest city first into the least full room; among equally
 * full rooms, with `mixKinds`, one that lacks the city's kind.
 */
function togetherByCity(line: readonly Spreadable[], count: number, mixKinds: boolean): string[][] {
  const rooms = Array.from({ length: count }, () => ({ ids: [] as string[], kinds: new Set<string>() }))
  const groups = [...groupBy(line, cityKey).values()].sort((a, b) => b.length - a.length)
  for (const group of groups) {
    const kind = kindKey(group[0]!)
    const score = (room: (typeof rooms)[number]) => room.ids.length * 2 + (mixKinds && room.kinds.has(kind) ? 1 : 0)
    let best = rooms[0]!
    for (const room of rooms) if (score(room) < score(best)) best = room
    best.ids.push(...group.map((p) => p.id))
    best.kinds.add(kind)
  }
  return rooms.map((room) => room.ids)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** The most frequent value; the first seen wins a tie. */
function mostCommon(values: readonly string[]): string {
  const counts = countBy(values, (v) => v)
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0]
}
