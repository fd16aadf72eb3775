import { v4 as uuid } from 'uuid'
import { getCard } from '@harvest/shared'
import { withBoard } from '../documents/withBoard'
import { Refusal } from '../Refusal'
import type { Handler } from '../realtime/handler'
import type { VoteRecord } from '../storage/Storage'
import { broadcastVote } from '../votes/broadcastVote'
import { castDot, voteView } from '../votes/votes'

const myId = (identity: { kind: string; member?: { id: string } }) => (identity.kind === 'member' ? identity.member!.id : null)

export const voteOpen: Handler<'vote:open'> = {
  event: 'vote:open',
  async run(ctx, socket, { area, budget, hidden }) {
    const identity = socket.data.identity
    const vote: VoteRecord = { id: uuid(), area, budget, hidden, status: 'open', openedAt: ctx.now(), closedAt: null, dots: {} }
    await ctx.control.update(identity.sessionId, (record) => void (record.vote = vote), { broadcast: false })
    await broadcastVote(ctx, identity.sessionId, vote)
    return { ok: true, data: voteView(vote, myId(identity)) }
  },
}

/** One dot on or off a card, within the person's budget and the vote's area. */
export const voteCast: Handler<'vote:cast'> = {
  event: 'vote:cast',
  async run(ctx, socket, { cardId, delta }) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') throw new Refusal('forbidden', 'your role does not vote')
    const current = (await ctx.control.read(identity.sessionId)).vote
    if (!current) throw new Refusal('not_found', 'no vote is open')
    const card = await withBoard(ctx, identity.sessionId, (live) => getCard(live.doc, cardId))
    if (!card) throw new Refusal('not_found', 'this card is no longer on the board')
    if (current.area !== null && card.area !== current.area) throw new Refusal('invalid', 'this card is outside the area being voted on')
    const vote = await ctx.control.update(
      identity.sessionId,
      (record) => {
        if (!record.vote || record.vote.id !== current.id) throw new Refusal('conflict', 'the vote changed: try again')
        castDot(record.vote, identity.member.id, cardId, delta)
        return record.vote
      },
      { broadcast: false },
    )
    await broadcastVote(ctx, identity.sessionId, vote)
    return { ok: true, data: voteView(vote, identity.member.id) }
  },
}

export const voteClose: Handler<'vote:close'> = {
  event: 'vote:close',
  async run(ctx, socket) {
    const identity = socket.data.identity
    const vote = await ctx.control.update(
      identity.sessionId,
      (record) => {
        if (!record.vote || record.vote.status === 'closed') throw new Refusal('conflict', 'no vote is open')
        record.vote.status = 'closed'
        record.vote.closedAt = ctx.now()
        return record.vote
      },
      { broadcast: false },
    )
    await broadcastVote(ctx, identity.sessionId, vote)
    return { ok: true, data: voteView(vote, myId(identity)) }
  },
}

