import type { Identity } from '@harvest/shared'
import { SERVER_ORIGIN } from '../documents/serverOrigin'
import { withBoard } from '../documents/withBoard'
import { deleteDraft, draftsOf, revealOnto, saveDraft, takeAllDrafts } from '../drafts/drafts'
import { Refusal } from '../Refusal'
import { memberPrincipal } from '../realtime/Connections'
import type { Handler } from '../realtime/handler'
import { principalRoom } from '../realtime/broadcast'

/** The member writing; the wrapper checked the role, and a guest without a name has no drafts. */
function writer(identity: Identity) {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'your role cannot write cards')
  return identity.member
}

/** Saves a private card: it stays on the server, visible to its author alone, until revealed. */
export const draftSave: Handler<'draft:save'> = {
  event: 'draft:save',
  async run(ctx, socket, input) {
    const member = writer(socket.data.identity)
    const draft = await ctx.control.update(member.sessionId, (record) => saveDraft(record, member.id, input, ctx.now()), { broadcast: false })
    return { ok: true, data: draft }
  },
}

export const draftDelete: Handler<'draft:delete'> = {
  event: 'draft:delete',
  async run(ctx, socket, { id }) {
    const member = writer(socket.data.identity)
    await ctx.control.update(member.sessionId, (record) => deleteDraft(record, member.id, id), { broadcast: false })
    return { ok: true, data: null }
  },
}

export const draftsList: Handler<'drafts:list'> = {
  event: 'drafts:list',
  async run(ctx, socket) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') return { ok: true, data: [] }
    return { ok: true, data: draftsOf(await ctx.control.read(identity.sessionId), identity.member.id) }
  },
}

/** Moves every private card onto the board at once, each under its author's name (or key). */
export const draftsReveal: Handler<'drafts:reveal'> = {
  event: 'drafts:reveal',
  async run(ctx, socket) {
    const identity = socket.data.identity
    const members = new Map((await ctx.storage.listMembers(identity.sessionId)).map((m) => [m.id, m]))
    const secret = await ctx.secret()
    const revealed = await ctx.control.update(identity.sessionId, (record) => ({ drafts: takeAllDrafts(record), mode: record.state.boardMode }), {
      broadcast: false,
    })
    const count = await withBoard(ctx, identity.sessionId, (live) => {
      let written = 0
      live.doc.transact(() => void (written = revealOnto(live.doc, revealed.drafts, members, secret, revealed.mode)), SERVER_ORIGIN)
      return written
    })
    for (const memberId of Object.keys(revealed.drafts)) {
      ctx.io.to(principalRoom(memberPrincipal(memberId))).emit('drafts:changed', [])
    }
    return { ok: true, data: { revealed: count } }
  },
}
