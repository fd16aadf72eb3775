import { z } from 'zod'
import { ITEM_KINDS, PHASES } from '../agenda'
import { CLOCK_MAX_MS } from '../clock'
import { CONTROL_LIMITS, LIMITS } from '../limits'
import type { Invite, Member } from '../session'
import { CITY_KINDS, INVITE_ROLES, ROLES } from '../roles'
import { nonEmpty, trimmed } from '../schemas'
import type { Story, StoryNotes } from '../story'
import { STORY_STATUSES } from '../story'
import type { Created, TimeSample } from './ack'
import { ack, defineEvents } from './define'
import { id } from './fields'
import type { SessionState } from './serverEvents'
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

const edit = { needs: 'agenda:edit' } as const
const drive = { needs: 'session:drive', denied: 'only a facilitator can run the agenda and the clocks' } as const
const stories = { needs: 'stories:edit' } as const
const people = { needs: 'people:manage', denied: 'only a facilitator can manage people' } as const

/** Events of session control: people, agenda, clocks, stories. */
export const controlEvents = defineEvents({
  'session:sync': { input: z.object({}).strict(), ack: ack<SessionState>(), needs: 'session:read' },
  /** Measures the offset between this screen's clock and the server's. */
  'time:sync': { input: z.object({ clientSentAt: z.number().finite() }).strict(), ack: ack<TimeSample>(), needs: 'session:read' },
  /** A member corrects their own name, city or pilot/twin status. */
  'member:update': {
    input: z
      .object({
        name: nonEmpty(LIMITS.nameMax, 'name').optional(),
        city: trimmed(LIMITS.cityMax).optional(),
        cityKind: z.enum(CITY_KINDS).nullable().optional(),
      })
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
    ack: ack<Member>(),
    needs: 'session:read',
  },

  'agenda:add': { input: agendaFields.extend({ afterId: id.nullable().default(null) }).strict(), ack: ack<Created>(), ...edit },
  'agenda:update': { input: nonEmptyPatch(agendaFields.partial().shape), ack: ack<null>(), ...edit },
  'agenda:remove': { input: z.object({ id }).strict(), ack: ack<null>(), ...edit },
  'agenda:move': { input: z.object({ id, toIndex: z.number().int().min(0).max(CONTROL_LIMITS.agendaItemsMax) }).strict(), ack: ack<null>(), ...edit },
  /** Go to an item by id, or one step forward or back. */
  'agenda:goto': {
    input: z.union([z.object({ id }).strict(), z.object({ step: z.union([z.literal(1), z.literal(-1)]) }).strict()]),
    ack: ack<null>(),
    ...drive,
  },
  'settings:update': {
    input: z
      .object({ startsAt: hhmm, endsAt: hhmm, chime: z.boolean() })
      .partial()
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
    ack: ack<null>(),
    ...edit,
  },

  'clock:command': { input: z.object({ target: clockTarget, command: clockCommand }).strict(), ack: ack<null>(), ...drive },

  'story:add': { input: storyFields.extend({ afterId: id.nullable().default(null) }).strict(), ack: ack<Created>(), ...stories },
  'story:update': { input: nonEmptyPatch(storyFields.partial().shape), ack: ack<null>(), ...stories },
  'story:remove': { input: z.object({ id }).strict(), ack: ack<null>(), ...stories },
  'story:move': { input: z.object({ id, toIndex: z.number().int().min(0).max(CONTROL_LIMITS.storiesMax) }).strict(), ack: ack<null>(), ...stories },
  /** Moves a story through queued → telling → qa → done (or skipped); the clocks follow. */
  'story:status': { input: z.object({ id, status: z.enum(STORY_STATUSES) }).strict(), ack: ack<null>(), ...drive },
  /** A participant puts their own city's story in the queue, to prepare it. */
  'story:volunteer': { input: z.object({ title: trimmed(LIMITS.titleMax) }).strict(), ack: ack<Story>(), needs: 'stories:volunteer' },
  // Every role may ask: a storyteller reads and writes their own story's notes, whatever the table says.
  'notes:get': { input: z.object({ storyId: id }).strict(), ack: ack<StoryNotes>(), needs: 'session:read' },
  'notes:save': { input: z.object({ storyId: id, notes: notesPatch }).strict(), ack: ack<StoryNotes>(), needs: 'session:read' },

  'member:setRole': { input: z.object({ memberId: id, role: z.enum(ROLES) }).strict(), ack: ack<Member>(), ...people },
  'member:rename': { input: z.object({ memberId: id, name: nonEmpty(LIMITS.nameMax, 'name') }).strict(), ack: ack<Member>(), ...people },
  'member:remove': { input: z.object({ memberId: id }).strict(), ack: ack<null>(), ...people },
  'invite:rotate': {
    input: z.object({ role: z.enum(INVITE_ROLES) }).strict(),
    ack: ack<Invite>(),
    needs: 'people:manage',
    denied: 'only a facilitator can replace invitation links',
  },
  /** Hand the lead to a facilitator, or take it oneself. */
  'lead:set': {
    input: z.object({ memberId: id }).strict(),
    ack: ack<null>(),
    needs: 'lead:set',
    denied: 'only a facilitator can take or hand over the lead',
  },
  /** Share the Harvest Report with everyone in the session (or take the share back). */
  'report:share': {
    input: z.object({ shared: z.boolean() }).strict(),
    ack: ack<null>(),
    needs: 'report:share',
    denied: 'only a facilitator can share the report',
  },
})
