import { z } from 'zod'
import { id } from './controlEvents'
import { BOARD_LIMITS, LIMITS } from './limits'
import { nonEmpty } from './schemas'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from './taxonomy'

const kindOrNull = z.enum(CARD_KINDS).nullable()
const area = z.string().min(1).max(BOARD_LIMITS.areaMax)

/** Events of the board that the server must decide: private drafts, votes, modes and history. */
export const boardEventSchemas = {
  'draft:save': z
    .object({
      id: id.optional(),
      text: nonEmpty(LIMITS.cardTextMax, 'text'),
      kind: kindOrNull.default(null),
      area,
      levers: z.array(z.enum(LEVERS)).max(LEVERS.length).default([]),
      domains: z.array(z.enum(EMISSION_DOMAINS)).max(EMISSION_DOMAINS.length).default([]),
    })
    .strict(),
  'draft:delete': z.object({ id }).strict(),
  'drafts:list': z.object({}).strict(),
  /** Facilitator: moves every draft onto the board at once. */
  'drafts:reveal': z.object({}).strict(),
  'board:mode': z
    .object({ privateWriting: z.boolean(), anonymous: z.boolean() })
    .partial()
    .strict()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
  /** Facilitator: everyone's view follows this area; null stops following. */
  'follow:set': z.object({ area: area.nullable() }).strict(),
  'vote:open': z.object({ area: area.nullable(), budget: z.number().int().min(1).max(20), hidden: z.boolean() }).strict(),
  'vote:cast': z.object({ cardId: id, delta: z.union([z.literal(1), z.literal(-1)]) }).strict(),
  'vote:close': z.object({}).strict(),
  'snapshots:list': z.object({}).strict(),
  'snapshot:diff': z.object({ snapshotId: id }).strict(),
  'snapshot:restoreCard': z.object({ snapshotId: id, cardId: id }).strict(),
  'snapshot:restore': z.object({ snapshotId: id }).strict(),
} as const
