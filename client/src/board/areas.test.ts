import { describe, expect, it } from 'vitest'
import type { BreakoutRound, Story } from '@harvest/shared'
import { areaLabel, boardAreas } from './areas'
import { ALL_AREAS } from './cardFilters'
import { makeCard } from './testCards'

const story = (id: string, city: string, title = '') => ({ id, city, title }) as Story
const round = (id: string, status: BreakoutRound['status'], rooms: [string, string][]) =>
  ({ id, status, rooms: rooms.map(([rid, name]) => ({ id: rid, name })) }) as BreakoutRound

describe('board areas', () => {
  const stories = [story('s1', 'Galway', 'Warm Home Hub'), story('s2', 'Cluj-Napoca')]
  const sources = { stories, rounds: [] }

  it('lists all, the plenary, every story in queue order, then other areas with cards', () => {
    const cards = [
      makeCard({ id: 'a' }),
      makeCard({ id: 'b', area: 'story:s2' }),
      makeCard({ id: 'c', area: 'elsewhere 10' }),
      makeCard({ id: 'd', area: 'elsewhere 9' }),
      makeCard({ id: 'e', area: 'elsewhere 9' }),
    ]
    expect(boardAreas(sources, cards)).toEqual([
      { id: ALL_AREAS, label: 'All areas', count: 5 },
      { id: 'plenary', label: 'Plenary', count: 1 },
      { id: 'story:s1', label: 'Galway: Warm Home Hub', count: 0 },
      { id: 'story:s2', label: 'Cluj-Napoca', count: 1 },
      { id: 'elsewhere 9', label: 'elsewhere 9', count: 2 },
      { id: 'elsewhere 10', label: 'elsewhere 10', count: 1 },
    ])
  })

  it('adds the rooms of rounds that have opened, named by room (and round when there are several)', () => {
    const rounds = [round('r1', 'closed', [['a', 'Finance']]), round('r2', 'planned', [['b', 'Later']])]
    const tabs = boardAreas({ stories: [], rounds }, [makeCard({ id: 'x', area: 'room:r1:a' })])
    expect(tabs.map((t) => [t.id, t.label, t.count])).toEqual([
      ['*', 'All areas', 1],
      ['plenary', 'Plenary', 0],
      ['room:r1:a', 'Finance · round 1', 1],
    ])
    expect(areaLabel('room:r1:a', { stories: [], rounds: [rounds[0]!] })).toBe('Finance')
    expect(areaLabel('room:gone:x', { stories: [], rounds })).toBe('Earlier breakout room')
  })

  it('names areas of removed stories and unknown areas', () => {
    expect(areaLabel('story:gone', sources)).toBe('Earlier story')
    expect(areaLabel('somewhere', sources)).toBe('somewhere')
  })
})
