import { missingCityField } from '@harvest/shared'
import { publicMember } from '../storage/Storage'
import type { Handler } from '../realtime/handler'
import { refuse } from '../realtime/handler'
import { announcePeople } from '../realtime/sessionPeople'
import { refreshConnections } from './people'

/** A member corrects their own name, city or pilot/twin status. */
export const memberUpdate: Handler<'member:update'> = {
  event: 'member:update',
  async run(ctx, socket, patch) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') return refuse('forbidden', 'join the session with your name first')
    const current = (await ctx.storage.listMembers(identity.sessionId)).find((m) => m.id === identity.member.id)
    if (!current) return refuse('not_found', 'you are no longer a member of this session')
    const next = publicMember({ ...current, ...patch })
    if (missingCityField(next.role, next)) {
      return refuse('invalid', 'participants keep a city and say whether it is a pilot or a twin city')
    }
    await ctx.storage.updateMember(next)
    await refreshConnections(ctx, next, false)
    await announcePeople(ctx, identity.sessionId, [next.id])
    return { ok: true, data: next }
  },
}
