import { describe, expect, it } from 'vitest'
import type { Story } from '@harvest/shared'
import { dominantKind, entryFromCard, entryFromPattern, promotedSources, sectionOf } from './harvestEntries'
import { makeCard } from '../board/testCards'

const p = { id: 'e1', by: 'Hana', at: 100 }

describe('harvest entries', () => {
  it('files kinds under their W³ section', () => {
    expect(sectionOf('outcome')).toBe('what')
    expect(sectionOf('blind_spot')).toBe('so_what')
    expect(sectionOf('risk_or_need')).toBe('now_what')
    expect(sectionOf(null)).toBe('so_what')
  })

  it('copies a card as it is now', () => {
    const card = makeCard({ id: 'c1', text: 'Hubs work', kind: 'idea', city: 'Galway', levers: ['finance'] })
    expect(entryFromCard(card, p)).toEqual({
      id: 'e1', source: 'card', sourceId: 'c1', section: 'now_what', text: 'Hubs work', kind: 'idea',
      cities: ['Galway'], levers: ['finance'], key: false, promotedBy: 'Hana', promotedAt: 100,
    })
  })

  it('names the story’s city for a card written during that story, whoever wrote it', () => {
    const story = { id: 's1', city: 'Cluj-Napoca' } as Story
    const card = makeCard({ id: 'c1', city: 'Galway', area: 'story:s1' })
    expect(entryFromCard(card, p, [story]).cities).toEqual(['Cluj-Napoca'])
    expect(entryFromCard({ ...card, area: 'plenary' }, p, [story]).cities).toEqual(['Galway'])
    const pattern = entryFromPattern({ id: 'pat', name: 'Trust', createdBy: 'h', createdAt: 1 }, [card, makeCard({ id: 'c2', city: 'Umeå' })], p, [story])
    expect(pattern.cities).toEqual(['Cluj-Napoca', 'Umeå'])
  })

  it('copies a pattern with its cards’ cities, levers and most common kind', () => {
    const cards = [
      makeCard({ id: 'a', kind: 'insight', city: 'Galway', levers: ['finance'] }),
      makeCard({ id: 'b', kind: 'challenge', city: 'Cluj-Napoca', levers: ['technology', 'finance'] }),
      makeCard({ id: 'c', kind: 'insight', city: 'Galway' }),
    ]
    const entry = entryFromPattern({ id: 'pat', name: 'Trust', createdBy: 'h', createdAt: 1 }, cards, p)
    expect(entry).toMatchObject({ source: 'pattern', sourceId: 'pat', text: 'Trust', kind: 'insight', section: 'so_what', cities: ['Galway', 'Cluj-Napoca'], levers: ['technology', 'finance'] })
  })

  it('breaks kind ties by W³ order and knows unsorted patterns', () => {
    expect(dominantKind([makeCard({ id: 'a', kind: 'idea' }), makeCard({ id: 'b', kind: 'outcome' })])).toBe('outcome')
    expect(dominantKind([makeCard({ id: 'a' })])).toBeNull()
  })

  it('knows what is already promoted', () => {
    const card = entryFromCard(makeCard({ id: 'c1' }), p)
    expect(promotedSources([card, { ...card, id: 'e2', source: 'insight', sourceId: '' }])).toEqual(new Set(['c1']))
  })
})
