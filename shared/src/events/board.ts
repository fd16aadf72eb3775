import { z } from 'zod'
import type { Draft } from '../drafts'
import type { SnapshotDiff, SnapshotInfo } from '../snapshots'
import type { VoteView } from '../votes'
import { BOARD_LIMITS, LIMITS } from '../limits'
import { nonEmpty } from '../schemas'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from '../taxonomy'
import { ack, defineEvents } from './define'
import { id } from './fields'

const kindOrNull = z.enum(CARD_KINDS).nullable()
const area = z.string().min(1).max(BOARD_LIMITS.areaMax)

const write = { needs: 'board:write', denied: 'your role cannot write cards' } as const
const moderate = { needs: 'board:moderate' } as const
const history = { needs: 'board:moderate', denied: 'only a facilitator can browse the board history' } as const

/** Events of the board that the server must decide: private drafts, votes, modes and history. */
export const boardEvents = defineEvents({
  'draft:save': {
    input: z
      .object({
        id: id.optional(),
        text: nonEmpty(LIMITS.cardTextMax, 'text'),
        kind: kindOrNull.default(null),
        area,
        levers: z.array(z.enum(LEVERS)).max(LEVERS.length).default([]),
        domains: z.array(z.enum(EMISSION_DOMAINS)).max(EMISSION_DOMAINS.length).default([]),
      })
      .strict(),
    ack: ack<Draft>(),
    ...write,
  },
  'draft:delete': { input: z.object({ id }).strict(), ack: ack<null>(), ...write },
  // Everyone may ask; a guest without a name simply has none.
  'drafts:list': { input: z.object({}).strict(), ack: ack<Draft[]>(), needs: 'session:read' },
  /** Facilitator: moves every draft onto the board at once. */
  'drafts:reveal': {
    input: z.object({}).strict(),
    ack: ack<{ revealed: number }>(),
    needs: 'board:moderate',
    denied: 'only a facilitator can reveal the private cards',
  },
  'board:mode': {
    input: z
      .object({ privateWriting: z.boolean(), anonymous: z.boolean() })
      .partial()
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
    ack: ack<null>(),
    ...moderate,
  },
  /** Facilitator: everyone's view follows this area; null stops following. */
  'follow:set': { input: z.object({ area: area.nullable() }).strict(), ack: ack<null>(), ...moderate },
  'vote:open': {
    input: z.object({ area: area.nullable(), budget: z.number().int().min(1).max(20), hidden: z.boolean() }).strict(),
    ack: ack<VoteView>(),
    needs: 'board:moderate',
    denied: 'only a facilitator can open a vote',
  },
  'vote:cast': {
    input: z.object({ cardId: id, delta: z.union([z.literal(1), z.literal(-1)]) }).strict(),
    ack: ack<VoteView>(),
    needs: 'vote:cast',
    denied: 'your role does not vote',
  },
  'vote:close': { input: z.object({}).strict(), ack: ack<VoteView>(), needs: 'board:moderate', denied: 'only a facilitator can close a vote' },
  'snapshots:list': { input: z.object({}).strict(), ack: ack<SnapshotInfo[]>(), ...history },
  'snapshot:diff': { input: z.object({ snapshotId: id }).strict(), ack: ack<SnapshotDiff>(), ...history },
  'snapshot:restoreCard': {
    input: z.object({ snapshotId: id, cardId: id }).strict(),
    ack: ack<null>(),
    needs: 'board:moderate',
    denied: 'only a facilitator can restore cards',
  },
  'snapshot:restore': {
    input: z.object({ snapshotId: id }).strict(),
    ack: ack<null>(),
    needs: 'board:moderate',
    denied: 'only a facilitator can restore the board',
  },
})
