import { describe, expect, it } from 'vitest'
import { ALL_AREAS, NO_FILTER, citiesOf, countByKind, filterCards, fold, groupByKind, isFiltered } from './cardFilters'
import { makeCard } from './testCards'

const cards = [
  makeCard({ id: 'a', kind: 'challenge', city: 'Galway', levers: ['finance'], text: 'Funding gaps for retrofits' }),
  makeCard({ id: 'b', kind: 'insight', city: 'Cluj-Napoca', area: 'story:s1', text: 'Trust grows through word of mouth' }),
  makeCard({ id: 'c', kind: 'challenge', city: 'İstanbul', levers: ['governance', 'finance'], tags: ['one-stop shop'] }),
  makeCard({ id: 'd', kind: null, city: '', authorName: 'Ben' }),
]
const ids = (list: { id: string }[]) => list.map((c) => c.id)

describe('card filters', () => {
  it('shows an area, or every area', () => {
    expect(ids(filterCards(cards, 'plenary', NO_FILTER))).toEqual(['a', 'c', 'd'])
    expect(ids(filterCards(cards, ALL_AREAS, NO_FILTER))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('filters by kind (including unsorted), city and lever together', () => {
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, kinds: ['challenge'] }))).toEqual(['a', 'c'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, kinds: ['none', 'insight'] }))).toEqual(['b', 'd'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, city: 'Galway' }))).toEqual(['a'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, lever: 'finance', kinds: ['challenge'] }))).toEqual(['a', 'c'])
    expect(ids(filterCards(cards, 'plenary', { ...NO_FILTER, lever: 'governance' }))).toEqual(['c'])
  })

  it('searches text, author, city and tags, ignoring case and accents, every word', () => {
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, search: 'cluj TRUST' }))).toEqual(['b'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, search: 'istanbul' }))).toEqual(['c'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, search: 'one-stop' }))).toEqual(['c'])
    expect(ids(filterCards(cards, ALL_AREAS, { ...NO_FILTER, search: 'ben' }))).toEqual(['d'])
    expect(fold('Cluj-Napoca İSTANBUL')).toBe('cluj-napoca istanbul')
  })

  it('counts per kind under every filter but the kind one', () => {
    const counts = countByKind(cards, ALL_AREAS, { ...NO_FILTER, kinds: ['insight'] })
    expect(counts.challenge).toBe(2)
    expect(counts.insight).toBe(1)
    expect(counts.none).toBe(1)
    expect(counts.idea).toBe(0)
    expect(countByKind(cards, 'plenary', { ...NO_FILTER, city: 'Galway' }).challenge).toBe(1)
  })

  it('lists the cities alphabetically, once, without blanks', () => {
    expect(citiesOf(cards)).toEqual(['Cluj-Napoca', 'Galway', 'İstanbul'])
  })

  it('groups by kind in W³ order, unsorted last, without empty groups', () => {
    expect(groupByKind(cards).map((g) => [g.kind, ids(g.cards)])).toEqual([
      ['challenge', ['a', 'c']],
      ['insight', ['b']],
      ['none', ['d']],
    ])
  })

  it('knows when anything is filtered', () => {
    expect(isFiltered(NO_FILTER)).toBe(false)
    expect(isFiltered({ ...NO_FILTER, search: '  ' })).toBe(false)
    expect(isFiltered({ ...NO_FILTER, city: 'Galway' })).toBe(true)
  })
})
