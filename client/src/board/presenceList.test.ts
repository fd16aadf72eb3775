import { describe, expect, it } from 'vitest'
import { colorFor, editorsByCard, othersPresent, peopleByArea, readPresence, writersIn, writingLine } from './presenceList'

const state = (memberId: string, name: string, area: string, editing: string | null = null) => ({ memberId, name, city: 'Galway', color: '#123456', area, editing })

describe('presence list', () => {
  it('reads states defensively', () => {
    expect(readPresence(1, null)).toBeNull()
    expect(readPresence(1, { name: 'no id' })).toBeNull()
    expect(readPresence(1, { memberId: 'm', name: 42, color: 'red', area: 'plenary' })).toEqual({
      clientId: 1, memberId: 'm', name: 'Someone', city: '', color: '#888888', area: 'plenary', editing: null,
    })
  })

  it('leaves out oneself and counts a person with two tabs once, the editing tab winning', () => {
    const states = new Map<number, unknown>([
      [1, state('me', 'Me', 'plenary')],
      [2, state('b', 'Ben', 'plenary')],
      [3, state('a', 'Ana', 'story:1')],
      [4, state('a', 'Ana', 'plenary', 'card-1')],
      [5, state('me', 'Me', 'plenary')],
    ])
    const others = othersPresent(states, 1, 'me')
    expect(others.map((p) => [p.name, p.clientId])).toEqual([['Ana', 4], ['Ben', 2]])
  })

  it('tells who edits which card, who writes where, and how many look at each area', () => {
    const people = othersPresent(
      new Map<number, unknown>([
        [2, state('a', 'Ana', 'plenary', 'card-1')],
        [3, state('b', 'Ben', 'plenary', 'new')],
        [4, state('c', 'Cem', 'story:1', 'card-1')],
        [5, state('d', 'Dan', 'story:1', 'new')],
      ]),
      1,
      null,
    )
    expect(editorsByCard(people)).toEqual(new Map([['card-1', ['Ana', 'Cem']]]))
    expect(writersIn(people, 'plenary')).toEqual(['Ben'])
    expect(peopleByArea(people)).toEqual(new Map([['plenary', 2], ['story:1', 2]]))
  })

  it('says who is writing in a short line', () => {
    expect(writingLine([])).toBe('')
    expect(writingLine(['Ana'])).toBe('Ana is writing…')
    expect(writingLine(['Ana', 'Ben'], 'editing')).toBe('Ana and Ben are editing…')
    expect(writingLine(['Ana', 'Ben', 'Cem', 'Dan'])).toBe('Ana and 3 others are writing…')
  })

  it('gives everyone a stable colour', () => {
    expect(colorFor('m1')).toBe(colorFor('m1'))
    expect(colorFor('m1')).toMatch(/^#[0-9a-f]{6}$/)
  })
})
