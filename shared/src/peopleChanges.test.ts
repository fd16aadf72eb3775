import { describe, expect, it } from 'vitest'
import type { PresentMember } from './session'
import { applyPeopleChanges } from './peopleChanges'

const person = (id: string, online = true, name = id): PresentMember =>
  ({ id, name, online, role: 'participant', sessionId: 's', city: 'Ghent', cityKind: 'pilot' }) as unknown as PresentMember

describe('applyPeopleChanges', () => {
  it('replaces a known person where they stand, adds newcomers at the end and drops the removed', () => {
    const before = [person('a'), person('b'), person('c')]
    const after = applyPeopleChanges(before, { changed: [person('d'), person('b', false, 'Bea')], removed: ['a'] })
    expect(after.map((m) => [m.id, m.name, m.online])).toEqual([
      ['b', 'Bea', false],
      ['c', 'c', true],
      ['d', 'd', true],
    ])
    expect(before.map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })

  it('keeps the same list when nothing changed, and never adds someone removed in the same message', () => {
    const before = [person('a')]
    expect(applyPeopleChanges(before, { changed: [], removed: [] })).toBe(before)
    expect(applyPeopleChanges(before, { changed: [person('x')], removed: ['x'] })).toEqual(before)
  })
})
