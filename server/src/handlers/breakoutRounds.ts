import { applyClockCommand, clockPhase, describedRoomName, isParticipant, roundPhase } from '@harvest/shared'
import { spread } from '../breakouts/spread'
import {
  addRoom, assertNotClosed, closeRound, createRound, extendRound, findRound, openRound, placeArrival, reuseGroups,
} from '../breakouts/roundOps'
import { Refusal, mustFind } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { presentMembers } from '../sessions/sessionState'
import { controlHandler } from './controlHandler'

export const roundCreate = controlHandler('round:create', ({ state }, input) => ({ id: createRound(state, input).id }))

/** A proposal over the participants present now; nothing changes until the facilitator assigns it. */
export const roundSpread: Handler<'round:spread'> = {
  event: 'round:spread',
  async run(ctx, socket, { roundId, seed, ...options }) {
    const identity = socket.data.identity
    findRound((await ctx.control.read(identity.sessionId)).state, roundId)
    const people = (await presentMembers(ctx, identity.sessionId)).filter((m) => m.online && isParticipant(m.role))
    return { ok: true, data: { groups: spread(people, options, seed ?? ctx.now()) } }
  },
}

export const roundAssign: Handler<'round:assign'> = {
  event: 'round:assign',
  async run(ctx, socket, { roundId, groups }) {
    const identity = socket.data.identity
    const members = await ctx.storage.listMembers(identity.sessionId)
    const known = new Set(members.map((m) => m.id))
    const cityOf = new Map(members.map((m) => [m.id, m.city]))
    const everyone = groups.flatMap((g) => g.memberIds)
    const missing = everyone.filter((id) => !known.has(id))
    if (missing.length > 0) throw new Refusal('not_found', 'someone in these groups has left the session: refresh the proposal')
    // One person in two groups would end up in two rooms at once.
    if (new Set(everyone).size < everyone.length) throw new Refusal('invalid', 'someone is in more than one group: each person goes to one room')
    await ctx.control.update(identity.sessionId, ({ state }) => {
      const round = findRound(state, roundId)
      assertNotClosed(round, ctx.now())
      const assigned = new Set(groups.flatMap((g) => g.memberIds))
      for (const room of round.rooms) room.memberIds = room.memberIds.filter((id) => !assigned.has(id))
      for (const group of groups) {
        // A new room without a name is named after its people's cities; the facilitator can rename it.
        const name = group.name || describedRoomName(round.rooms.length + 1, group.memberIds.map((id) => cityOf.get(id) ?? ''))
        const room = group.roomId ? mustFind(round.rooms, group.roomId, 'room') : addRoom(round, emptyRoom(name))
        room.memberIds.push(...group.memberIds)
      }
    })
    return { ok: true, data: null }
  },
}

const emptyRoom = (name: string) => ({ name, topic: '', link: null, capacity: null, hostId: null, harvesterId: null })

/** Sets the round's meeting-link pattern; rooms with their own link keep it. */
export const roundLinkPattern = controlHandler('round:linkPattern', ({ state }, { roundId, pattern }) => {
  findRound(state, roundId).linkPattern = pattern
  return null
})

export const roundPlan = controlHandler('round:plan', ({ state }, { roundId, planned }) => {
  const round = findRound(state, roundId)
  for (const roomId of Object.values(planned)) mustFind(round.rooms, roomId, 'room')
  round.planned = planned
  return null
})

/** Opens the round and places everyone present as planned (or, in assigned rounds, in the smallest room). */
export const roundOpen: Handler<'round:open'> = {
  event: 'round:open',
  async run(ctx, socket, { roundId }) {
    const identity = socket.data.identity
    const present = (await presentMembers(ctx, identity.sessionId)).filter((m) => m.online)
    await ctx.control.update(identity.sessionId, ({ state }) => {
      const round = findRound(state, roundId)
      const now = ctx.now()
      openRound(state, round, now)
      for (const member of present) placeArrival(round, member, now)
      state.currentItemId = round.itemId
      // The rooms' clock is the breakout item's: opening the rooms starts it if nobody has.
      const item = mustFind(state.agenda, round.itemId, 'agenda item')
      if (clockPhase(item.clock) === 'idle') item.clock = applyClockCommand(item.clock, { op: 'start' }, now)
    })
    return { ok: true, data: null }
  },
}

export const roundClose = controlHandler('round:close', ({ state }, { roundId, countdownSeconds }, { now }) => {
  closeRound(findRound(state, roundId), countdownSeconds, now)
  return null
})

export const roundExtend = controlHandler('round:extend', ({ state }, { roundId, roomId, deltaMs }, { now }) => {
  extendRound(state, findRound(state, roundId), roomId, deltaMs, now)
  return null
})

export const roundWarn = controlHandler('round:warn', ({ state }, { roundId }, { now }) => {
  const round = findRound(state, roundId)
  if (roundPhase(round, now) !== 'open') throw new Refusal('conflict', 'the round is not running')
  round.warnedAt = now
  return null
})

export const roundBroadcast = controlHandler('round:broadcast', ({ state }, { roundId, text }, { now }) => {
  const round = findRound(state, roundId)
  round.banner = text ? { id: `${now}`, text, at: now } : null
  return null
})

export const roundReuse = controlHandler('round:reuse', ({ state }, { roundId, fromRoundId }) => {
  reuseGroups(findRound(state, roundId), findRound(state, fromRoundId))
  return null
})
