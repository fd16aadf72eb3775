import { v4 as uuid } from 'uuid'
import type { Draft, Identity } from '@harvest/shared'
import { addCard } from '@harvest/shared'
import { SERVER_ORIGIN, withBoard } from '../boardSession/liveBoard'
import { Refusal } from '../control/Refusal'
import { memberPrincipal } from '../realtime/Connections'
import type { Handler } from '../realtime/handler'
import { authorKeyFor } from '../sessions/authorKey'

const DRAFTS_PER_PERSON = 200

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
    const draft = await ctx.control.update(
      member.sessionId,
      (record) => {
        const mine = ((record.drafts ??= {})[member.id] ??= [])
        const existing = input.id ? mine.find((d) => d.id === input.id) : undefined
        if (input.id && !existing) throw new Refusal('not_found', 'this private card was already revealed or deleted')
        if (!existing && mine.length >= DRAFTS_PER_PERSON) throw new Refusal('invalid', `at most ${DRAFTS_PER_PERSON} private cards each`)
        const next: Draft = { ...input, id: existing?.id ?? uuid(), createdAt: existing?.createdAt ?? ctx.now() }
        if (existing) Object.assign(existing, next)
        else mine.push(next)
        return next
      },
      { broadcast: false },
    )
    return { ok: true, data: draft }
  },
}

export const draftDelete: Handler<'draft:delete'> = {
  event: 'draft:delete',
  async run(ctx, socket, { id }) {
    const member = writer(socket.data.identity)
    await ctx.control.update(
      member.sessionId,
      (record) => {
        const mine = record.drafts?.[member.id] ?? []
        if (!mine.some((d) => d.id === id)) throw new Refusal('not_found', 'this private card was already revealed or deleted')
        record.drafts![member.id] = mine.filter((d) => d.id !== id)
      },
      { broadcast: false },
    )
    return { ok: true, data: null }
  },
}

export const draftsList: Handler<'drafts:list'> = {
  event: 'drafts:list',
  async run(ctx, socket) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') return { ok: true, data: [] }
    const record = await ctx.control.read(identity.sessionId)
    return { ok: true, data: record.drafts?.[identity.member.id] ?? [] }
  },
}

/** Moves every private card onto the board at once, each under its author's name (or key). */
export const draftsReveal: Handler<'drafts:reveal'> = {
  event: 'drafts:reveal',
  async run(ctx, socket) {
    const identity = socket.data.identity
    const members = new Map((await ctx.storage.listMembers(identity.sessionId)).map((m) => [m.id, m]))
    const secret = await ctx.secret()
    const revealed = await ctx.control.update(identity.sessionId, (record) => {
      const drafts = record.drafts ?? {}
      record.drafts = {}
      return { drafts, mode: record.state.boardMode }
    }, { broadcast: false })
    let count = 0
    await withBoard(ctx, identity.sessionId, (live) => {
      live.doc.transact(() => {
        for (const [memberId, drafts] of Object.entries(revealed.drafts)) {
          const member = members.get(memberId)
          if (!member) continue
          const authorId = authorKeyFor(secret, { kind: 'member', sessionId: member.sessionId, role: member.role, member }, revealed.mode)!
          for (const { id: _, createdAt, ...draft } of drafts) {
            addCard(live.doc, { ...draft, id: uuid(), authorId, authorName: revealed.mode.anonymous ? '' : member.name, city: member.city, cityKind: member.cityKind }, createdAt)
            count++
          }
        }
      }, SERVER_ORIGIN)
    })
    for (const memberId of Object.keys(revealed.drafts)) {
      for (const open of ctx.sockets.of(memberPrincipal(memberId))) open.emit('drafts:changed', [])
    }
    return { ok: true, data: { revealed: count } }
  },
}
