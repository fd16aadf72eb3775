import { z } from 'zod'
import { CLOCK_MAX_MS } from './clock'
import { id } from './controlEvents'
import { BREAKOUT_LIMITS, LIMITS } from './limits'
import { nonEmpty, trimmed } from './schemas'

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
