import { z } from 'zod'
import { CLOCK_MAX_MS } from '../clock'
import { BREAKOUT_LIMITS, LIMITS } from '../limits'
import { MEETING_LINK_RULE, isLinkPattern, isMeetingLink } from '../meetingLink'
import { nonEmpty, trimmed } from '../schemas'
import type { Created } from './ack'
import { ack, defineEvents } from './define'
import { id } from './fields'

/** A room's video-call link: only http and https, so a link can never run script. */
const meetingLink = z.string().trim().max(BREAKOUT_LIMITS.linkMax).refine(isMeetingLink, MEETING_LINK_RULE)

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

const manage = { needs: 'breakouts:manage' } as const
const propose = { needs: 'topics:propose' } as const
const done = { ack: ack<null>(), ...manage } as const

/** Events of breakout rounds: rooms, open space, moves, broadcasts. */
export const breakoutEvents = defineEvents({
  'round:create': {
    input: z
      .object({
        itemId: id,
        mode: z.enum(['assigned', 'open_space']),
        proposersOpen: z.boolean().default(false),
        rooms: z.array(roomFields.strict()).max(BREAKOUT_LIMITS.roomsMax).default([]),
      })
      .strict(),
    ack: ack<Created>(),
    ...manage,
  },
  /** Computes a proposal; nothing changes until 'round:assign'. */
  'round:spread': {
    input: z
      .object({
        ...round,
        by: z.union([z.object({ rooms: z.number().int().min(1).max(BREAKOUT_LIMITS.roomsMax) }).strict(), z.object({ size: z.number().int().min(1).max(500) }).strict()]),
        mixKinds: z.boolean(),
        sameCity: z.enum(['together', 'apart', 'any']),
        seed: z.number().int().min(0).max(2 ** 31).optional(),
      })
      .strict(),
    ack: ack<{ groups: string[][] }>(),
    needs: 'breakouts:manage',
    denied: 'only a facilitator can spread people over rooms',
  },
  /** Puts people into rooms (a proposal as adjusted, or by hand); a null room id makes a new room. */
  'round:assign': {
    input: z
      .object({
        ...round,
        groups: z
          .array(z.object({ roomId: id.nullable(), name: trimmed(BREAKOUT_LIMITS.roomNameMax).optional(), memberIds: z.array(id).max(1000) }).strict())
          .max(BREAKOUT_LIMITS.roomsMax),
      })
      .strict(),
    ack: ack<null>(),
    needs: 'breakouts:manage',
    denied: 'only a facilitator can assign rooms',
  },
  /** Plans people into rooms before they arrive, by name or by city. */
  'round:plan': { input: z.object({ ...round, planned: z.record(z.string().trim().toLowerCase().max(LIMITS.cityMax), id) }).strict(), ...done },
  'round:open': { input: z.object(round).strict(), ack: ack<null>(), needs: 'breakouts:manage', denied: 'only a facilitator can open breakout rooms' },
  'round:close': {
    input: z.object({ ...round, countdownSeconds: z.number().int().min(0).max(BREAKOUT_LIMITS.closeCountdownMaxSeconds).default(30) }).strict(),
    ...done,
  },
  /** More (or less) time for every room (roomId null) or one room. */
  'round:extend': { input: z.object({ ...round, roomId: id.nullable(), deltaMs: z.number().int().min(-CLOCK_MAX_MS).max(CLOCK_MAX_MS) }).strict(), ...done },
  'round:warn': { input: z.object(round).strict(), ...done },
  /** One meeting link for every room without its own, `{room}` standing for the room's name; null removes it. */
  'round:linkPattern': {
    input: z.object({ ...round, pattern: z.string().trim().max(BREAKOUT_LIMITS.linkMax).refine(isLinkPattern, MEETING_LINK_RULE).nullable() }).strict(),
    ...done,
  },
  'round:broadcast': { input: z.object({ ...round, text: trimmed(BREAKOUT_LIMITS.bannerMax).nullable() }).strict(), ...done },
  /** Starts this round with the previous round's groups. */
  'round:reuse': { input: z.object({ ...round, fromRoundId: id }).strict(), ...done },
  'room:add': { input: roomFields.extend(round).strict(), ack: ack<Created>(), ...manage },
  // Without defaults: a missing field must stay as it is, not be reset (partial() keeps defaults).
  'room:update': { input: z.object({ ...round, roomId: id, ...z.object(roomPatch).partial().shape }).strict(), ...done },
  'room:remove': { input: z.object({ ...round, roomId: id }).strict(), ...done },
  'room:join': {
    input: z.object({ ...round, roomId: id }).strict(),
    ack: ack<null>(),
    needs: 'breakouts:join',
    denied: 'your role does not join breakout rooms',
  },
  'room:leave': { input: z.object(round).strict(), ack: ack<null>(), needs: 'session:read' },
  'room:move': {
    input: z.object({ ...round, memberId: id, roomId: id.nullable() }).strict(),
    ack: ack<null>(),
    needs: 'breakouts:manage',
    denied: 'only a facilitator can move people between rooms',
  },
  /** A participant calls for a facilitator from their room; a facilitator answers (clears) it with the room id. */
  'room:help': { input: z.object({ ...round, on: z.boolean(), roomId: id.optional() }).strict(), ack: ack<null>(), needs: 'session:read' },
  'topic:propose': {
    input: z.object({ ...round, title: nonEmpty(BREAKOUT_LIMITS.roomNameMax, 'topic'), line: trimmed(BREAKOUT_LIMITS.topicLineMax) }).strict(),
    ack: ack<Created>(),
    ...propose,
  },
  'topic:interest': { input: z.object({ ...round, topicId: id, interested: z.boolean() }).strict(), ack: ack<null>(), ...propose },
  /** Opens a topic as a room; whether this person may (facilitator, or the proposer when allowed) depends on the round. */
  'topic:open': {
    input: z.object({ ...round, topicId: id, hostId: id.nullable().default(null), capacity: z.number().int().min(1).max(1000).nullable().default(null) }).strict(),
    ack: ack<Created>(),
    ...propose,
  },
})
