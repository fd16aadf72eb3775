import { describe, expect, it } from 'vitest'
import {
  clientEventSchemas,
  createSessionBody,
  describeIssues,
  joinBody,
  missingParticipantFields,
  tokenSchema,
  type JoinBody,
  LIMITS,
} from './index'

const validSession = {
  title: 'Cluster 4 harvest',
  cluster: 'Cluster 4: green cities',
  date: '2026-06-14',
  facilitatorName: 'Fran',
  cities: [{ name: 'Ghent', kind: 'pilot', project: 'Green roofs' }],
}

/** A well-formed token: 43 base64url characters, like the server's newToken(). */
const token = 'aB3_-'.repeat(8) + 'xyz'

/** The message a refusal shows the person, or null when the input was accepted. */
function refusal(result: { success: true } | { success: false; error: Parameters<typeof describeIssues>[0] }) {
  return result.success ? null : describeIssues(result.error)
}

describe('createSessionBody', () => {
  it('accepts a complete session and trims what people type', () => {
    const parsed = createSessionBody.parse({ ...validSession, title: '  Cluster 4 harvest  ', facilitatorName: ' Fran ' })
    expect(parsed.title).toBe('Cluster 4 harvest')
    expect(parsed.facilitatorName).toBe('Fran')
    expect(parsed.cities).toEqual([{ name: 'Ghent', kind: 'pilot', project: 'Green roofs' }])
  })

  it('defaults the city list to empty', () => {
    const { cities: _, ...withoutCities } = validSession
    expect(createSessionBody.parse(withoutCities).cities).toEqual([])
  })

  it('refuses a missing or blank title with a message naming it', () => {
    const { title: _, ...withoutTitle } = validSession
    expect(refusal(createSessionBody.safeParse(withoutTitle))).toMatch(/^title:/)
    expect(refusal(createSessionBody.safeParse({ ...validSession, title: '   ' }))).toBe('title: title is required')
  })

  it.each(['2026-13-45', '2026-00-10', '14/06/2026', '2026-6-14', ''])('refuses the date %j', (date) => {
    expect(refusal(createSessionBody.safeParse({ ...validSession, date }))).toMatch(/^date:/)
  })

  it.each(['2026-02-30', '2026-04-31', '2025-02-29'])('refuses the impossible calendar day %s', (date) => {
    expect(refusal(createSessionBody.safeParse({ ...validSession, date }))).toBe('date: date is not a real day')
  })

  it('accepts a leap day that exists', () => {
    expect(createSessionBody.safeParse({ ...validSession, date: '2028-02-29' }).success).toBe(true)
  })

  it('refuses a facilitator name longer than the limit, but not one at the limit', () => {
    const atLimit = 'n'.repeat(LIMITS.nameMax)
    expect(createSessionBody.safeParse({ ...validSession, facilitatorName: atLimit }).success).toBe(true)
    expect(refusal(createSessionBody.safeParse({ ...validSession, facilitatorName: atLimit + 'n' }))).toMatch(
      /^facilitatorName:/,
    )
  })

  it('refuses a city of an unknown kind', () => {
    const cities = [{ name: 'Ghent', kind: 'sister' }]
    expect(refusal(createSessionBody.safeParse({ ...validSession, cities }))).toMatch(/^cities\.0\.kind:/)
  })
})

describe('tokenSchema', () => {
  it('accepts base64url tokens of 22 to 128 characters', () => {
    expect(tokenSchema.safeParse('a'.repeat(22)).success).toBe(true)
    expect(tokenSchema.safeParse('a'.repeat(128)).success).toBe(true)
    expect(tokenSchema.safeParse(token).success).toBe(true)
  })

  it.each([
    ['too short', 'a'.repeat(21)],
    ['too long', 'a'.repeat(129)],
    ['with padding', 'a'.repeat(30) + '='],
    ['with a slash', 'a'.repeat(30) + '/'],
    ['with a space', 'a'.repeat(15) + ' ' + 'a'.repeat(15)],
  ])('refuses a token %s', (_, value) => {
    expect(refusal(tokenSchema.safeParse(value))).toBe('malformed token')
  })
})

describe('joinBody', () => {
  it('accepts a token and name, defaulting city to empty and cityKind to null', () => {
    expect(joinBody.parse({ token, name: '  Pat  ' })).toEqual({ token, name: 'Pat', city: '', cityKind: null })
  })

  it('refuses keys it does not know, so a client cannot smuggle in a role', () => {
    const result = joinBody.safeParse({ token, name: 'Pat', role: 'facilitator' })
    expect(result.success).toBe(false)
    expect(refusal(result)).toMatch(/role/)
  })

  it.each([
    ['missing', undefined],
    ['a number', 12345],
    ['too short', 'abc'],
    ['with illegal characters', '!'.repeat(30)],
  ])('refuses a token that is %s', (_, value) => {
    expect(refusal(joinBody.safeParse({ token: value, name: 'Pat' }))).toMatch(/^token:/)
  })

  it('refuses a blank name and a name over the limit', () => {
    expect(refusal(joinBody.safeParse({ token, name: '  ' }))).toBe('name: name is required')
    expect(refusal(joinBody.safeParse({ token, name: 'n'.repeat(LIMITS.nameMax + 1) }))).toMatch(/^name:/)
  })
})

describe("clientEventSchemas['member:update']", () => {
  const schema = clientEventSchemas['member:update']

  it('accepts a patch of one field', () => {
    expect(schema.parse({ name: ' New name ' })).toEqual({ name: 'New name' })
    expect(schema.parse({ cityKind: null })).toEqual({ cityKind: null })
  })

  it('refuses an empty patch', () => {
    expect(refusal(schema.safeParse({}))).toBe('nothing to change')
  })

  it('refuses unknown keys, an empty name and non-objects', () => {
    expect(schema.safeParse({ role: 'facilitator' }).success).toBe(false)
    expect(schema.safeParse({ name: '' }).success).toBe(false)
    expect(schema.safeParse('rename me').success).toBe(false)
    expect(schema.safeParse(null).success).toBe(false)
  })

  it("'session:sync' takes an empty object only", () => {
    expect(clientEventSchemas['session:sync'].safeParse({}).success).toBe(true)
    expect(clientEventSchemas['session:sync'].safeParse({ all: true }).success).toBe(false)
  })
})

describe('missingParticipantFields', () => {
  const body = (patch: Partial<JoinBody>): JoinBody => ({ token, name: 'Pat', city: 'Ghent', cityKind: 'pilot', ...patch })

  it('is satisfied by a city and a kind', () => {
    expect(missingParticipantFields('participant', body({}))).toBeNull()
  })

  it('asks for the city first, then for pilot or twin', () => {
    expect(missingParticipantFields('participant', body({ city: '' }))).toBe('city is required for participants')
    expect(missingParticipantFields('participant', body({ city: '', cityKind: null }))).toBe('city is required for participants')
    expect(missingParticipantFields('participant', body({ cityKind: null }))).toBe('say whether your city is a pilot or a twin city')
  })

  it('asks nothing of the other roles', () => {
    for (const role of ['facilitator', 'harvester', 'observer'] as const) expect(missingParticipantFields(role, body({ city: '', cityKind: null }))).toBeNull()
  })
})

describe('describeIssues', () => {
  it('names at most three problems, each with its field', () => {
    const result = createSessionBody.safeParse({ title: '', cluster: '', date: 'x', facilitatorName: '' })
    const message = refusal(result)
    expect(message?.split('; ')).toHaveLength(3)
    expect(message).toMatch(/^title: title is required; cluster: cluster name is required; date:/)
  })
})
