import type * as Y from 'yjs'
import type { ServerContext } from '../context'
import { boardDocName } from '../documents/documentKinds'
import type { LiveDoc } from '../documents/LiveDoc'
import { SERVER_ORIGIN } from '../documents/serverOrigin'
import { withBoard } from '../documents/withBoard'
import type { Handler } from '../realtime/handler'
import { Refusal } from '../Refusal'
import { diffBoards, restoreBoard, restoreCard, snapshotDoc, takeSnapshot } from '../snapshots/snapshots'

/** Runs `fn` on a stored snapshot of the session's board and on the live board, then lets the snapshot go. */
async function withSnapshot<T>(ctx: ServerContext, sessionId: string, snapshotId: string, fn: (snapshot: Y.Doc, live: LiveDoc) => T | Promise<T>): Promise<T> {
  const state = await ctx.storage.getSnapshot(boardDocName(sessionId), snapshotId)
  if (!state) throw new Refusal('not_found', 'no such snapshot of this board')
  const snapshot = snapshotDoc(state)
  try {
    return await withBoard(ctx, sessionId, (live) => fn(snapshot, live))
  } finally {
    snapshot.destroy()
  }
}

export const snapshotsList: Handler<'snapshots:list'> = {
  event: 'snapshots:list',
  async run(ctx, socket) {
    const { sessionId } = socket.data.identity
    // A snapshot of the board as it is now, so the newest changes are always listed too.
    await withBoard(ctx, sessionId, (live) => ctx.docs.snapshotIfChanged(live))
    return { ok: true, data: await ctx.storage.listSnapshots(boardDocName(sessionId)) }
  },
}

export const snapshotDiff: Handler<'snapshot:diff'> = {
  event: 'snapshot:diff',
  async run(ctx, socket, { snapshotId }) {
    const diff = await withSnapshot(ctx, socket.data.identity.sessionId, snapshotId, (snapshot, live) => diffBoards(snapshot, live.doc))
    return { ok: true, data: diff }
  },
}

export const snapshotRestoreCard: Handler<'snapshot:restoreCard'> = {
  event: 'snapshot:restoreCard',
  async run(ctx, socket, { snapshotId, cardId }) {
    const restored = await withSnapshot(ctx, socket.data.identity.sessionId, snapshotId, (snapshot, live) =>
      restoreCard(snapshot, live.doc, cardId, SERVER_ORIGIN),
    )
    if (!restored) throw new Refusal('not_found', 'this card is not in that snapshot')
    return { ok: true, data: null }
  },
}

/** Restores the whole board; the state just before is snapshotted first, so a restore can be undone. */
export const snapshotRestore: Handler<'snapshot:restore'> = {
  event: 'snapshot:restore',
  async run(ctx, socket, { snapshotId }) {
    await withSnapshot(ctx, socket.data.identity.sessionId, snapshotId, async (snapshot, live) => {
      await live.flush()
      await takeSnapshot(ctx.storage, live, ctx.now())
      restoreBoard(snapshot, live.doc, SERVER_ORIGIN)
    })
    return { ok: true, data: null }
  },
}
