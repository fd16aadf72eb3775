import type { Card } from '@harvest/shared'

/** A card for tests: sensible defaults, any field overridable. */
export function makeCard(overrides: Partial<Card> & { id: string }): Card {
  return {
    text: `card ${overrides.id}`,
    kind: null,
    authorId: 'm1',
    authorName: 'Ana',
    city: 'Galway',
    cityKind: 'pilot',
    area: 'plenary',
    levers: [],
    domains: [],
    tags: [],
    patternId: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  }
}
