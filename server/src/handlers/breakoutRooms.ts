import { v4 as uuid } from 'uuid'
import type { Identity } from '@harvest/shared'
import { BREAKOUT_LIMITS, can, roomOf, roundPhase } from '@harvest/shared'
import { emitRoomMembers } from '../breakouts/emitRooms'
import { addRoom, assertNotClosed, findRound, placeIn } from '../breakouts/roundOps'
import { Refusal, mustFind } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { findSessionMember } from '../realtime/sessionPeople'
import { controlHandler } from './controlHandler'

export const roomAdd = controlHandler('room:add', ({ state }, { roundId, ...input }, { now }) => {
  const round = findRound(state, roundId)
  assertNotClosed(round, now)
  return { id: addRoom(round, input).id }
})

export const roomUpdate = controlHandler('room:update', ({ state }, { roundId, roomId, ...patch }) => {
  const room = mustFind(findRound(state, roundId).rooms, roomId, 'room')
  Object.assign(room, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)))
  return null
})

/** Removes a room; its people become unassigned and are offered another. */
export const roomRemove = controlHandler('room:remove', ({ state }, { roundId, roomId }) => {
  const round = findRound(state, roundId)
  const room = mustFind(round.rooms, roomId, 'room')
  round.rooms = round.rooms.filter((r) => r !== room)
  for (const topic of round.topics) if (topic.roomId === roomId) topic.roomId = null
  return null
})

function member(identity: Identity) {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name first')
  return identity.member
}

/** The law of two feet: in open space, people choose a room and move whenever they like, up to its capacity. */
export const roomJoin: Handler<'room:join'> = {
  event: 'room:join',
  async run(ctx, socket, { roundId, roomId }) {
    const identity = socket.data.identity
    const me = member(identity)
    const { round, changed } = await ctx.control.update(
      me.sessionId,
      ({ state }) => {
        const round = findRound(state, roundId)
        if (roundPhase(round, ctx.now()) !== 'open') throw new Refusal('conflict', 'the rooms of this round are not open')
        if (round.mode !== 'open_space') throw new Refusal('forbidden', 'in this round the facilitator assigns the rooms')
        return { round, changed: placeIn(round, me.id, mustFind(round.rooms, roomId, 'room'), { checkCapacity: true }) }
      },
      { broadcast: false },
    )
    emitRoomMembers(ctx, me.sessionId, round, changed)
    return { ok: true, data: null }
  },
}

export const roomLeave: Handler<'room:leave'> = {
  event: 'room:leave',
  async run(ctx, socket, { roundId }) {
    const me = member(socket.data.identity)
    const { round, changed } = await ctx.control.update(
      me.sessionId,
      ({ state }) => {
        const round = findRound(state, roundId)
        // A closed round keeps the record of who was where (reusing its groups copies it).
        assertNotClosed(round, ctx.now())
        return { round, changed: placeIn(round, me.id, null, { checkCapacity: false }) }
      },
      { broadcast: false },
    )
    emitRoomMembers(ctx, me.sessionId, round, changed)
    return { ok: true, data: null }
  },
}

/** The facilitator moves someone (or takes them out of every room with a null room). */
export const roomMove: Handler<'room:move'> = {
  event: 'room:move',
  async run(ctx, socket, { roundId, memberId, roomId }) {
    const identity = socket.data.identity
    await findSessionMember(ctx, identity.sessionId, memberId)
    const { round, changed } = await ctx.control.update(
      identity.sessionId,
      ({ state }) => {
        const round = findRound(state, roundId)
        assertNotClosed(round, ctx.now())
        const room = roomId === null ? null : mustFind(round.rooms, roomId, 'room')
        return { round, changed: placeIn(round, memberId, room, { checkCapacity: false }) }
      },
      { broadcast: false },
    )
    emitRoomMembers(ctx, identity.sessionId, round, changed)
    return { ok: true, data: null }
  },
}

/** A participant calls for a facilitator to come to their room (or cancels the call). */
export const roomHelp = controlHandler('room:help', ({ state }, { roundId, on, roomId }, { identity, now }) => {
  const me = member(identity)
  const round = findRound(state, roundId)
  const manager = can(identity.role, 'breakouts:manage')
  if (roomId !== undefined && !manager) throw new Refusal('forbidden', 'only a facilitator answers calls from other rooms')
  const room = roomId !== undefined ? mustFind(round.rooms, roomId, 'room') : roomOf(round, me.id)
  if (!room) throw new Refusal('invalid', 'you are not in a room of this round')
  room.help = on ? { by: me.id, at: now } : null
  return null
})

export const topicPropose = controlHandler('topic:propose', ({ state }, { roundId, title, line }, { identity, now }) => {
  const me = member(identity)
  const round = findRound(state, roundId)
  assertNotClosed(round, now)
  if (round.mode !== 'open_space') throw new Refusal('invalid', 'topics are proposed in open-space rounds')
  if (round.topics.length >= BREAKOUT_LIMITS.topicsMax) throw new Refusal('invalid', `at most ${BREAKOUT_LIMITS.topicsMax} topics`)
  const topic = { id: uuid(), title, line, proposerId: me.id, interested: [me.id], roomId: null }
  round.topics.push(topic)
  return { id: topic.id }
})

export const topicInterest = controlHandler('topic:interest', ({ state }, { roundId, topicId, interested }, { identity, now }) => {
  const me = member(identity)
  const round = findRound(state, roundId)
  assertNotClosed(round, now)
  const topic = mustFind(round.topics, topicId, 'topic')
  topic.interested = topic.interested.filter((id) => id !== me.id)
  if (interested) topic.interested.push(me.id)
  return null
})

/** Opens a topic as a room with a host: the facilitator, or its proposer when the round allows it. */
export const topicOpen = controlHandler('topic:open', ({ state }, { roundId, topicId, hostId, capacity }, { identity, now }) => {
  const me = member(identity)
  const round = findRound(state, roundId)
  assertNotClosed(round, now)
  const topic = mustFind(round.topics, topicId, 'topic')
  const mayOpen = can(identity.role, 'breakouts:manage') || (round.proposersOpen && topic.proposerId === me.id)
  if (!mayOpen) throw new Refusal('forbidden', 'only a facilitator (or, if allowed, the proposer) opens a topic as a room')
  if (topic.roomId) throw new Refusal('conflict', 'this topic already has a room')
  const host = hostId ?? topic.proposerId
  const room = addRoom(round, { name: topic.title, topic: topic.line, link: null, capacity, hostId: host, harvesterId: null })
  topic.roomId = room.id
  // The host leads the conversation, so they are in its room from the start; a facilitator who
  // hosts only looks in, as they do in every room.
  if (!(host === me.id && can(identity.role, 'breakouts:manage'))) placeIn(round, host, room, { checkCapacity: false })
  return { id: room.id }
})
