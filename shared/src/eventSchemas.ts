import { z } from 'zod'
import { ITEM_KINDS, PHASES } from './agenda'
import { CLOCK_MAX_MS } from './clock'
import { BOARD_LIMITS, BREAKOUT_LIMITS, CONTROL_LIMITS, LIMITS } from './limits'
import { CARD_KINDS, EMISSION_DOMAINS, LEVERS } from './taxonomy'
import { CITY_KINDS, ROLES } from './roles'
import { nonEmpty, trimmed } from './schemas'
import { STORY_STATUSES } from './story'

const id = z.string().min(1).max(64)
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must look like 09:30')
const itemMinutes = z.number().int().min(1).max(CONTROL_LIMITS.itemMinutesMax)
const storyMinutes = z.number().int().min(0).max(CONTROL_LIMITS.storyMinutesMax)
const noteField = z.string().max(CONTROL_LIMITS.noteFieldMax)

const agendaFields = z.object({
  title: nonEmpty(LIMITS.titleMax, 'title'),
  phase: z.enum(PHASES),
  kind: z.enum(ITEM_KINDS),
  plannedMinutes: itemMinutes,
  prompt: trimmed(CONTROL_LIMITS.promptMax),
})

const storyFields = z.object({
  city: nonEmpty(LIMITS.cityMax, 'city'),
  storytellerId: id.nullable(),
  storytellerName: trimmed(LIMITS.nameMax),
  title: trimmed(LIMITS.titleMax),
  slotMinutes: storyMinutes.min(1),
  qaMinutes: storyMinutes,
})

const clockCommand = z.discriminatedUnion('op', [
  z.object({ op: z.literal('start') }).strict(),
  z.object({ op: z.literal('pause') }).strict(),
  z.object({ op: z.literal('reset') }).strict(),
  z.object({ op: z.literal('adjust'), deltaMs: z.number().int().min(-CLOCK_MAX_MS).max(CLOCK_MAX_MS) }).strict(),
  z.object({ op: z.literal('set'), remainingMs: z.number().int().min(1000).max(CLOCK_MAX_MS) }).strict(),
])

const clockTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), id }).strict(),
  z.object({ kind: z.literal('story'), id, part: z.enum(['tell', 'qa']) }).strict(),
])

const notesPatch = z
  .object({
    milestones: noteField,
    challenges: noteField,
    whatChanged: noteField,
    learnings: noteField,
    plans: noteField,
    barriers: noteField,
    nextSteps: noteField,
  })
  .partial()
  .strict()

const nonEmptyPatch = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ id, ...shape })
    .strict()
    .refine((patch) => Object.keys(patch).length > 1, 'nothing to change')

/** Events of session control: people, agenda, clocks, stories. */
const controlEventSchemas = {
  'session:sync': z.object({}).strict(),
  /** Measures the offset between this screen's clock and the server's. */
  'time:sync': z.object({ clientSentAt: z.number().finite() }).strict(),
  'member:update': z
    .object({
      name: nonEmpty(LIMITS.nameMax, 'name').optional(),
      city: trimmed(LIMITS.cityMax).optional(),
      cityKind: z.enum(CITY_KINDS).nullable().optional(),
    })
    .strict()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),

  'agenda:add': agendaFields.extend({ afterId: id.nullable().default(null) }).strict(),
  'agenda:update': nonEmptyPatch(agendaFields.partial().shape),
  'agenda:remove': z.object({ id }).strict(),
  'agenda:move': z.object({ id, toIndex: z.number().int().min(0).max(CONTROL_LIMITS.agendaItemsMax) }).strict(),
  /** Go to an item by id, or one step forward or back. */
  'agenda:goto': z.union([z.object({ id }).strict(), z.object({ step: z.union([z.literal(1), z.literal(-1)]) }).strict()]),
  'settings:update': z
    .object({ startsAt: hhmm, endsAt: hhmm, chime: z.boolean() })
    .partial()
    .strict()
    .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),

  'clock:command': z.object({ target: clockTarget, command: clockCommand }).strict(),

  'story:add': storyFields.extend({ afterId: id.nullable().default(null) }).strict(),
  'story:update': nonEmptyPatch(storyFields.partial().shape),
  'story:remove': z.object({ id }).strict(),
  'story:move': z.object({ id, toIndex: z.number().int().min(0).max(CONTROL_LIMITS.storiesMax) }).strict(),
  /** Moves a story through queued → telling → qa → done (or skipped); the clocks follow. */
  'story:status': z.object({ id, status: z.enum(STORY_STATUSES) }).strict(),
  /** A participant puts their own city's story in the queue, to prepare it. */
  'story:volunteer': z.object({ title: trimmed(LIMITS.titleMax) }).strict(),
  'notes:get': z.object({ storyId: id }).strict(),
  'notes:save': z.object({ storyId: id, notes: notesPatch }).strict(),

  'member:setRole': z.object({ memberId: id, role: z.enum(ROLES) }).strict(),
  'member:rename': z.object({ memberId: id, name: nonEmpty(LIMITS.nameMax, 'name') }).strict(),
  'member:remove': z.object({ memberId: id }).strict(),
  'invite:rotate': z.object({ role: z.enum(ROLES) }).strict(),
  /** Hand the lead to a facilitator, or take it oneself. */
  'lead:set': z.object({ memberId: id }).strict(),
} as const

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

/** A room's video-call link: only http and https, so a link can never run script. */
const meetingLink = z
  .string()
  .trim()
  .max(BREAKOUT_LIMITS.linkMax)
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'the meeting link must be a full http:// or https:// address')

/** A room's settings with nothing filled in, so a change names only what it changes. */
const roomPatch = {
  name: nonEmpty(BREAKOUT_LIMITS.roomNameMax, 'room name'),
  topic: trimmed(BREAKOUT_LIMITS.topicLineMax),
  link: meetingLink.nullable(),
  capacity: z.number().int().min(1).max(1000).nullable(),
  hostId: id.nullable(),
  harvesterId: id.nullable(),
}

const roomFields = z.object({
  name: roomPatch.name,
  topic: roomPatch.topic.default(''),
  link: roomPatch.link.default(null),
  capacity: roomPatch.capacity.default(null),
  hostId: roomPatch.hostId.default(null),
  harvesterId: roomPatch.harvesterId.default(null),
})

const round = { roundId: id }

/** Events of breakout rounds: rooms, open space, moves, broadcasts. */
export const breakoutEventSchemas = {
  'round:create': z
    .object({
      itemId: id,
      mode: z.enum(['assigned', 'open_space']),
      proposersOpen: z.boolean().default(false),
      rooms: z.array(roomFields.strict()).max(BREAKOUT_LIMITS.roomsMax).default([]),
    })
    .strict(),
  /** Computes a proposal; nothing changes until 'round:assign'. */
  'round:spread': z
    .object({
      ...round,
      by: z.union([z.object({ rooms: z.number().int().min(1).max(BREAKOUT_LIMITS.roomsMax) }).strict(), z.object({ size: z.number().int().min(1).max(500) }).strict()]),
      mixKinds: z.boolean(),
      sameCity: z.enum(['together', 'apart', 'any']),
      seed: z.number().int().min(0).max(2 ** 31).optional(),
    })
    .strict(),
  /** Puts people into rooms (a proposal as adjusted, or by hand); a null room id makes a new room. */
  'round:assign': z
    .object({
      ...round,
      groups: z
        .array(z.object({ roomId: id.nullable(), name: trimmed(BREAKOUT_LIMITS.roomNameMax).optional(), memberIds: z.array(id).max(1000) }).strict())
        .max(BREAKOUT_LIMITS.roomsMax),
    })
    .strict(),
  /** Plans people into rooms before they arrive, by name or by city. */
  'round:plan': z.object({ ...round, planned: z.record(z.string().trim().toLowerCase().max(LIMITS.cityMax), id) }).strict(),
  'round:open': z.object(round).strict(),
  'round:close': z.object({ ...round, countdownSeconds: z.number().int().min(0).max(BREAKOUT_LIMITS.closeCountdownMaxSeconds).default(30) }).strict(),
  /** More (or less) time for every room (roomId null) or one room. */
  'round:extend': z.object({ ...round, roomId: id.nullable(), deltaMs: z.number().int().min(-CLOCK_MAX_MS).max(CLOCK_MAX_MS) }).strict(),
  'round:warn': z.object(round).strict(),
  'round:broadcast': z.object({ ...round, text: trimmed(BREAKOUT_LIMITS.bannerMax).nullable() }).strict(),
  /** Starts this round with the previous round's groups. */
  'round:reuse': z.object({ ...round, fromRoundId: id }).strict(),
  'room:add': roomFields.extend(round).strict(),
  // Without defaults: a missing field must stay as it is, not be reset (partial() keeps defaults).
  'room:update': z.object({ ...round, roomId: id, ...z.object(roomPatch).partial().shape }).strict(),
  'room:remove': z.object({ ...round, roomId: id }).strict(),
  'room:join': z.object({ ...round, roomId: id }).strict(),
  'room:leave': z.object(round).strict(),
  'room:move': z.object({ ...round, memberId: id, roomId: id.nullable() }).strict(),
  /** A participant calls for a facilitator from their room; a facilitator answers (clears) it with the room id. */
  'room:help': z.object({ ...round, on: z.boolean(), roomId: id.optional() }).strict(),
  'topic:propose': z.object({ ...round, title: nonEmpty(BREAKOUT_LIMITS.roomNameMax, 'topic'), line: trimmed(BREAKOUT_LIMITS.topicLineMax) }).strict(),
  'topic:interest': z.object({ ...round, topicId: id, interested: z.boolean() }).strict(),
  'topic:open': z.object({ ...round, topicId: id, hostId: id.nullable().default(null), capacity: z.number().int().min(1).max(1000).nullable().default(null) }).strict(),
} as const

/** The runtime schema of every client-to-server socket event; the server validates each one. */
export const clientEventSchemas = { ...controlEventSchemas, ...boardEventSchemas, ...breakoutEventSchemas } as const

/** Names of the events a client may send. */
export type ClientEventName = keyof typeof clientEventSchemas

/** The validated payload of a client event. */
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>

