import { describe, expect, it } from 'vitest'
import type { SessionListing } from '@harvest/shared'
import { keyFromFragment } from './adminKey'
import { filterSessions } from './filterSessions'

const listing = (title: string, cluster: string, cities: string[], round = ''): SessionListing => ({
  session: { id: title, title, cluster, round, date: '2026-06-14', createdAt: 0, cities: cities.map((name) => ({ name, kind: 'pilot' })) },
  people: 0,
  cards: 0,
  endedAt: null,
})

describe('filterSessions', () => {
  const all = [listing('Buildings harvest', 'Cluster 4', ['Łódź', 'Umeå'], 'Round 2'), listing('Mobility', 'Cluster 2', ['Ghent'])]

  it('finds by title, cluster, round or city, ignoring case and accents', () => {
    expect(filterSessions(all, 'buildings').map((l) => l.session.title)).toEqual(['Buildings harvest'])
    expect(filterSessions(all, 'cluster 4').map((l) => l.session.title)).toEqual(['Buildings harvest'])
    expect(filterSessions(all, 'GHENT').map((l) => l.session.title)).toEqual(['Mobility'])
    expect(filterSessions(all, 'lodz').map((l) => l.session.title)).toEqual(['Buildings harvest'])
    expect(filterSessions(all, 'UMEA round 2').map((l) => l.session.title)).toEqual(['Buildings harvest'])
    expect(filterSessions(all, 'ghent buildings')).toEqual([])
  })

  it('keeps everything, in order, for an empty search', () => {
    expect(filterSessions(all, '  ')).toEqual(all)
  })
})

describe('keyFromFragment', () => {
  it('reads the key from the fragment only', () => {
    expect(keyFromFragment('#key=abc_DEF-123')).toBe('abc_DEF-123')
    expect(keyFromFragment('')).toBeNull()
    expect(keyFromFragment('#other=1')).toBeNull()
  })
})
