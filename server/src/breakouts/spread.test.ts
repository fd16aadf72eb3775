import { describe, expect, it } from 'vitest'
import type { CityKind, Spreadable, SpreadOptions } from '@harvest/shared'
import { roomCount, spread } from './spread'

/** A small seeded generator (mulberry32), so every failing roster can be replayed from its number. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, int, pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)]! }
}

/** One generated case: who is there and what the facilitator asked for. */
interface Case {
  people: Spreadable[]
  options: SpreadOptions
  seed: number
}

/**
 * A roster of 5–300 people over 3–40 cities. A city is a pilot or a twin (its people share the
 * kind); now and then a city has no kind at all, as when someone skipped the question. Cities
 * are as uneven as real ones: a few send many people, most send one or two.
 */
function roster(n: number): Case {
  const r = random(n * 7919 + 17)
  const cityCount = r.int(3, 40)
  const pilotShare = r.pick([0.1, 0.3, 0.5, 0.7, 0.9])
  const cities = Array.from({ length: cityCount }, (_, i) => ({
    name: r.next() < 0.5 ? `City ${i}` : ` city ${i}`.toUpperCase(),
    kind: (r.next() < 0.05 ? null : r.next() < pilotShare ? 'pilot' : 'twin') as CityKind | null,
    weight: r.next() < 0.2 ? r.int(5, 20) : r.int(1, 3),
  }))
  const total = cities.reduce((sum, c) => sum + c.weight, 0)
  const size = r.int(5, 300)
  const people: Spreadable[] = Array.from({ length: size }, (_, i) => {
    let ticket = r.next() * total
    const city = cities.find((c) => (ticket -= c.weight) < 0) ?? cities[0]!
    return { id: `p${i}`, city: city.name, cityKind: city.kind }
  })
  const by: SpreadOptions['by'] = r.next() < 0.5 ? { rooms: r.int(1, 40) } : { size: r.int(2, 12) }
  return {
    people,
    options: { by, mixKinds: r.next() < 0.6, sameCity: r.pick(['together', 'apart', 'any'] as const) },
    seed: r.int(0, 2 ** 31),
  }
}

const CASES = Array.from({ length: 300 }, (_, n) => roster(n))
/** Each case's spread, computed once and shared by the properties. */
const RESULTS: string[][][] = []
const cityOf = (people: readonly Spreadable[]) => new Map(people.map((p) => [p.id, p.city.trim().toLowerCase()]))
const kindOf = (people: readonly Spreadable[]) => new Map(people.map((p) => [p.id, p.cityKind]))
const count = <T>(items: readonly T[], keep: (item: T) => boolean) => items.filter(keep).length

/** How many people the biggest city sends. */
function largestCity(people: readonly Spreadable[]): number {
  const perCity = new Map<string, number>()
  for (const city of cityOf(people).values()) perCity.set(city, (perCity.get(city) ?? 0) + 1)
  return Math.max(0, ...perCity.values())
}

/** Runs `check` on every case and names the case that broke it. */
function everyCase(check: (c: Case, rooms: string[][], index: number) => void) {
  CASES.forEach((c, index) => {
    const rooms = (RESULTS[index] ??= spread(c.people, c.options, c.seed))
    try {
      check(c, rooms, index)
    } catch (error) {
      const { options, people } = c
      throw new Error(`roster #${index} (${people.length} people, ${JSON.stringify(options)}): ${(error as Error).message}`)
    }
  })
}

describe('spread over 300 seeded rosters', () => {
  it('the generator covers the ground: small and large rosters, every option, enough of both kinds', () => {
    const sizes = CASES.map((c) => c.people.length)
    expect(Math.min(...sizes)).toBeLessThanOrEqual(20)
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(250)
    for (const sameCity of ['together', 'apart', 'any'] as const) expect(count(CASES, (c) => c.options.sameCity === sameCity)).toBeGreaterThan(50)
    expect(count(CASES, (c) => 'rooms' in c.options.by)).toBeGreaterThan(100)
    expect(count(CASES, (c) => 'size' in c.options.by)).toBeGreaterThan(100)
    const mixable = CASES.filter((c) => {
      const rooms = roomCount(c.people.length, c.options.by)
      return c.options.mixKinds && c.options.sameCity !== 'together' && count(c.people, (p) => p.cityKind === 'pilot') >= rooms && count(c.people, (p) => p.cityKind === 'twin') >= rooms
    })
    expect(mixable.length).toBeGreaterThan(30)
    const separable = CASES.filter((c) => c.options.sameCity === 'apart' && largestCity(c.people) <= roomCount(c.people.length, c.options.by))
    expect(separable.length).toBeGreaterThan(10)
  })

  it('places every person exactly once', () => {
    everyCase(({ people }, rooms) => {
      const placed = rooms.flat()
      expect(placed.length).toBe(people.length)
      expect(new Set(placed)).toEqual(new Set(people.map((p) => p.id)))
    })
  })

  it('makes as many rooms as asked: N rooms, or rooms of about K people', () => {
    everyCase(({ people, options }, rooms) => {
      const n = people.length
      if ('rooms' in options.by) expect(rooms).toHaveLength(Math.min(options.by.rooms, n))
      else {
        expect(rooms).toHaveLength(Math.max(1, Math.round(n / options.by.size)))
        if (n >= options.by.size) expect(Math.abs(n / rooms.length - options.by.size)).toBeLessThanOrEqual(options.by.size / 2)
      }
    })
  })

  it('balances rooms to within one person unless cities stay together', () => {
    everyCase(({ options }, rooms) => {
      if (options.sameCity === 'together') return
      const sizes = rooms.map((room) => room.length)
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    })
  })

  it('mixing kinds puts a pilot and a twin in every room when there are enough of each', () => {
    let checked = 0
    everyCase(({ people, options }, rooms) => {
      if (!options.mixKinds || options.sameCity === 'together') return
      const kinds = kindOf(people)
      const pilots = count(people, (p) => p.cityKind === 'pilot')
      const twins = count(people, (p) => p.cityKind === 'twin')
      if (pilots < rooms.length || twins < rooms.length) return
      checked++
      for (const [i, room] of rooms.entries()) {
        expect(room.some((id) => kinds.get(id) === 'pilot'), `room ${i} has a pilot`).toBe(true)
        expect(room.some((id) => kinds.get(id) === 'twin'), `room ${i} has a twin`).toBe(true)
      }
    })
    expect(checked).toBeGreaterThan(30)
  })

  it('"apart" never seats two people of one city together when every city fits across the rooms', () => {
    let checked = 0
    everyCase(({ people, options }, rooms) => {
      if (options.sameCity !== 'apart') return
      const cities = cityOf(people)
      if (largestCity(people) > rooms.length) return
      checked++
      for (const [i, room] of rooms.entries()) {
        const seen = room.map((id) => cities.get(id)!)
        expect(new Set(seen).size, `room ${i}: ${seen.join(', ')}`).toBe(seen.length)
      }
    })
    expect(checked).toBeGreaterThan(10)
  })

  it('"together" keeps all people of a city (whatever its spelling) in one room', () => {
    everyCase(({ people, options }, rooms) => {
      if (options.sameCity !== 'together') return
      const cities = cityOf(people)
      const roomsOfCity = new Map<string, Set<number>>()
      rooms.forEach((room, i) => {
        for (const id of room) roomsOfCity.set(cities.get(id)!, (roomsOfCity.get(cities.get(id)!) ?? new Set()).add(i))
      })
      expect([...roomsOfCity].filter(([, inRooms]) => inRooms.size > 1).map(([city]) => city)).toEqual([])
    })
  })

  it('is deterministic for the same seed and changes with another seed', () => {
    let differed = 0
    everyCase(({ people, options, seed }, rooms) => {
      expect(spread(people, options, seed)).toEqual(rooms)
      if (JSON.stringify(spread(people, options, seed + 1)) !== JSON.stringify(rooms)) differed++
    })
    expect(differed).toBeGreaterThan(250)
  })
})

describe('spread, by example', () => {
  const person = (id: string, city: string, cityKind: CityKind | null): Spreadable => ({ id, city, cityKind })

  it('three cities of two people over three rooms: nobody shares a room with their own city', () => {
    const people = ['A', 'B', 'C'].flatMap((city) => [person(`${city}1`, city, 'pilot'), person(`${city}2`, city, 'twin')])
    for (let seed = 0; seed < 50; seed++) {
      const rooms = spread(people, { by: { rooms: 3 }, mixKinds: false, sameCity: 'apart' }, seed)
      for (const room of rooms) expect(new Set(room.map((id) => id[0])).size).toBe(2)
    }
  })

  it('asks for more rooms than people: one room each, none empty', () => {
    const people = [person('a', 'Ghent', 'pilot'), person('b', 'Turku', 'twin')]
    expect(spread(people, { by: { rooms: 10 }, mixKinds: true, sameCity: 'any' }, 3).map((r) => r.length)).toEqual([1, 1])
  })

  it('nobody to spread gives one empty room', () => {
    expect(spread([], { by: { size: 4 }, mixKinds: true, sameCity: 'apart' }, 1)).toEqual([[]])
  })
})
