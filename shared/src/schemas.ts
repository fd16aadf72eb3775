import { z } from 'zod'
import { LIMITS } from './limits'
import type { CityKind, Role } from './roles'
import { CITY_KINDS, ROLES, isParticipant } from './roles'

export const trimmed = (max: number) => z.string().trim().max(max)
export const nonEmpty = (max: number, what: string) => trimmed(max).min(1, `${what} is required`)

/** A calendar date as the date input gives it. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must look like 2026-06-14')
  .refine((value) => {
    // Date.parse rolls 2026-02-30 over to March 2 rather than failing, so compare the round trip.
    const day = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
  }, 'date is not a real day')

/** Invitation and member tokens: base64url, long enough to be unguessable. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'malformed token')

export const citySchema = z.object({
  name: nonEmpty(LIMITS.cityMax, 'city name'),
  kind: z.enum(CITY_KINDS),
  twinOf: trimmed(LIMITS.cityMax).optional(),
  project: trimmed(LIMITS.titleMax).optional(),
})

/** POST /api/sessions: a facilitator creates a session and becomes its first member. */
export const createSessionBody = z.object({
  title: nonEmpty(LIMITS.titleMax, 'title'),
  cluster: nonEmpty(LIMITS.clusterMax, 'cluster name'),
  date: isoDate,
  /** The programme round, e.g. "Round 2"; optional. */
  round: trimmed(LIMITS.clusterMax).default(''),
  facilitatorName: nonEmpty(LIMITS.nameMax, 'your name'),
  cities: z.array(citySchema).max(LIMITS.citiesMax).default([]),
})
export type CreateSessionBody = z.infer<typeof createSessionBody>
/** What a caller may send to create a session (the defaulted fields optional). */
export type CreateSessionInput = z.input<typeof createSessionBody>

/** POST /api/join: someone holding an invitation becomes a member of the session. */
export const joinBody = z
  .object({
    token: tokenSchema,
    name: nonEmpty(LIMITS.nameMax, 'name'),
    city: trimmed(LIMITS.cityMax).default(''),
    cityKind: z.enum(CITY_KINDS).nullable().default(null),
  })
  .strict()
export type JoinBody = z.infer<typeof joinBody>

/** A participant must say which city they speak for and whether it is a pilot or a twin: the field missing, if any. */
export function missingCityField(role: Role, person: { city: string; cityKind: CityKind | null }): 'city' | 'cityKind' | null {
  if (!isParticipant(role)) return null
  if (!person.city) return 'city'
  if (!person.cityKind) return 'cityKind'
  return null
}

/** What joining with `role` lacks, in words for the join form; null when nothing is missing. */
export function missingParticipantFields(role: Role, body: Pick<JoinBody, 'city' | 'cityKind'>): string | null {
  const missing = missingCityField(role, body)
  if (missing === 'city') return 'city is required for participants'
  if (missing === 'cityKind') return 'say whether your city is a pilot or a twin city'
  return null
}

export const roleSchema = z.enum(ROLES)

/** Turns a zod error into one sentence a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
