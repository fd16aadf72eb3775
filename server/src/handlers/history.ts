import { SERVER_ORIGIN } from '../documents/serverOrigin'
import { withBoard } from '../documents/withBoard'
import { diffBoards, restoreBoard, restoreCard, snapshotDoc, takeSnapshot } from '../snapshots/snapshots'
import { boardDocName } from '../documents/documentKinds'
import { Refusal } from '../Refusal'
import type { ServerContext } from '../context'
import type { Handler } from '../realtime/handler'

const NOT_FOUND = 'no such snapshot of this board'

async function loadSnapshot(ctx: ServerContext, sessionId: string, snapshotId: string) {
  const state = await ctx.storage.getSnapshot(boardDocName(sessionId), snapshotId)
  if (!state) throw new Refusal('not_found', NOT_FOUND)
  return snapshotDoc(state)
}

export const snapshotsList: Handler<'snapshots:list'> = {
  event: 'snapshots:list',
  async run(ctx, socket) {
    const identity = socket.data.identity
    // A snapshot of the board as it is now, so the newest changes are always listed too.
    await withBoard(ctx, identity.sessionId, (live) => ctx.docs.snapshotIfChanged(live))
    return { ok: true, data: await ctx.storage.listSnapshots(boardDocName(identity.sessionId)) }
  },
}

export const snapshotDiff: Handler<'snapshot:diff'> = {
  event: 'snapshot:diff',
  async run(ctx, socket, { snapshotId }) {
    const identity = socket.data.identity
    const snapshot = await loadSnapshot(ctx, identity.sessionId, snapshotId)
    const diff = await withBoard(ctx, identity.sessionId, (live) => diffBoards(snapshot, live.doc))
    snapshot.destroy()
    return { ok: true, data: diff }
  },
}

export const snapshotRestoreCard: Handler<'snapshot:restoreCard'> = {
  event: 'snapshot:restoreCard',
  async run(ctx, socket, { snapshotId, cardId }) {
    const identity = socket.data.identity
    const snapshot = await loadSnapshot(ctx, identity.sessionId, snapshotId)
    const restored = await withBoard(ctx, identity.sessionId, (live) => restoreCard(snapshot, live.doc, cardId, SERVER_ORIGIN))
    snapshot.destroy()
    if (!restored) throw new Refusal('not_found', 'this card is not in that snapshot')
    return { ok: true, data: null }
  },
}

/** Restores the whole board; the state just before is snapshotted first, so a restore can be undone. */
export const snapshotRestore: Handler<'snapshot:restore'> = {
  event: 'snapshot:restore',
  async run(ctx, socket, { snapshotId }) {
    const identity = socket.data.identity
    const snapshot = await loadSnapshot(ctx, identity.sessionId, snapshotId)
    await withBoard(ctx, identity.sessionId, async (live) => {
      await live.flush()
      await takeSnapshot(ctx.storage, live, ctx.now())
      restoreBoard(snapshot, live.doc, SERVER_ORIGIN)
    })
    snapshot.destroy()
    return { ok: true, data: null }
  },
}
