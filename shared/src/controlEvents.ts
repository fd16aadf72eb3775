import { z } from 'zod'
import { ITEM_KINDS, PHASES } from './agenda'
import { CLOCK_MAX_MS } from './clock'
import { CONTROL_LIMITS, LIMITS } from './limits'
import { CITY_KINDS, ROLES } from './roles'
import { nonEmpty, trimmed } from './schemas'
import { STORY_STATUSES } from './story'

/** Ids of entries (members, items, stories, rooms, cards) as they travel in events. */
export const id = z.string().min(1).max(64)
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
export const controlEventSchemas = {
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
