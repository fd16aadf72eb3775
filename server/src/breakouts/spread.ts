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

/**
 * Spreads people over rooms, balanced: each person (or, with `together`, each city's group)
 * goes to the least full room, and among equally full rooms to one that lacks their city kind
 * (when mixing) or already holds nobody of their city (when apart). Returns member ids per room.
 */
export function spread(people: readonly Spreadable[], options: SpreadOptions, seed = 1): string[][] {
  const rooms: Spreadable[][] = Array.from({ length: roomCount(people.length, options.by) }, () => [])
  let units: Spreadable[][] =
    options.sameCity === 'together'
      ? [...groupBy(shuffled(people, seed), cityKey).values()].sort((a, b) => b.length - a.length)
      : shuffled(people, seed).map((p) => [p])
  if (options.sameCity !== 'together' && (options.mixKinds || options.sameCity === 'apart')) {
    // The scarcer kind and the biggest cities go first, while every room still has space for them.
    const kindCount = countBy(people, (p) => p.cityKind ?? 'none')
    const cityCount = countBy(people, cityKey)
    units = units.sort(
      (a, b) =>
        (options.sameCity === 'apart' ? cityCount.get(cityKey(b[0]!))! - cityCount.get(cityKey(a[0]!))! : 0) ||
        (options.mixKinds ? kindCount.get(a[0]!.cityKind ?? 'none')! - kindCount.get(b[0]!.cityKind ?? 'none')! : 0),
    )
  }
  for (const unit of units) {
    const first = unit[0]!
    const score = (room: Spreadable[]) => {
      let s = room.length * 1000
      if (options.sameCity === 'apart' && room.some((p) => cityKey(p) === cityKey(first))) s += 100
      if (options.mixKinds && room.some((p) => p.cityKind === first.cityKind)) s += 10
      return s
    }
    let best = rooms[0]!
    for (const room of rooms) if (score(room) < score(best)) best = room
    best.push(...unit)
  }
  return rooms.map((room) => room.map((p) => p.id))
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}
