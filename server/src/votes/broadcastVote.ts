import type { ServerContext } from '../context'
import { sessionSockets } from '../realtime/broadcast'
import type { VoteRecord } from '../storage/Storage'
import { voteView } from './votes'

/** Sends each connection of the session the vote as that person may see it. */
export async function broadcastVote(ctx: ServerContext, sessionId: string, vote: VoteRecord): Promise<void> {
  // The shared part (totals, voters) is computed once; only each person's own dots differ.
  const shared = voteView(vote, null)
  for (const s of await sessionSockets(ctx, sessionId, () => true)) {
    const identity = s.data.identity
    s.emit('vote:state', { ...shared, mine: { ...(identity.kind === 'member' ? vote.dots[identity.member.id] : undefined) } })
  }
}
