import { describe, expect, it } from 'vitest'
import type { Member, Role } from '@harvest/shared'
import { storytellerChoices } from './storytellerChoices'

let next = 0
const member = (name: string, city: string, role: Role = 'participant'): Member => ({
  id: `m${++next}`, sessionId: 's', name, role, city, cityKind: null, joinedAt: 0,
})

describe('storytellerChoices', () => {
  const aoife = member('Aoife', 'Galway')
  const ciara = member('Ciara', ' galway ')
  const bram = member('Bram', 'Leuven')
  const fran = member('Fran', '', 'facilitator')
  const ana = member('Ana', 'Galway', 'harvester')
  const people = [fran, ciara, bram, ana, aoife]

  it('lists the story city’s participants first, ignoring case and spaces', () => {
    expect(storytellerChoices(people, 'Galway').fromCity).toEqual([aoife, ciara])
  })

  it('puts everyone else after them, other participants before other roles', () => {
    expect(storytellerChoices(people, 'Galway').others).toEqual([bram, ana, fran])
  })

  it('has no city group for a story without a city', () => {
    const { fromCity, others } = storytellerChoices(people, ' ')
    expect(fromCity).toEqual([])
    expect(others).toEqual([aoife, bram, ciara, ana, fran])
  })
})
