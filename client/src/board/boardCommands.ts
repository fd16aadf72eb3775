import type { ClientPayload, Draft } from '@harvest/shared'
import { send } from '../socket'
import { useNoticeStore } from '../stores/useNoticeStore'

/** The board's server-decided actions, as components call them; each resolves with the acknowledgement. */
export const boardCommands = {
  saveDraft: (draft: Omit<Draft, 'id' | 'createdAt'> & { id?: string }) => {
    // The server's schema is strict: send exactly the fields it takes.
    const { id, text, kind, area, levers, domains } = draft
    return send('draft:save', { ...(id ? { id } : {}), text, kind, area, levers, domains })
  },
  deleteDraft: (id: string) => send('draft:delete', { id }),
  revealDrafts: async () => {
    const reply = await send('drafts:reveal', {})
    const { revealed } = reply.ok ? reply.data : { revealed: -1 }
    if (revealed >= 0) useNoticeStore.getState().show('info', `${revealed} private ${revealed === 1 ? 'card is' : 'cards are'} now on the board.`)
    return reply
  },
  setMode: (mode: ClientPayload<'board:mode'>) => send('board:mode', mode),
  follow: (area: string | null) => send('follow:set', { area }),
  openVote: (area: string | null, budget: number, hidden: boolean) => send('vote:open', { area, budget, hidden }),
  castVote: (cardId: string, delta: 1 | -1) => send('vote:cast', { cardId, delta }),
  closeVote: () => send('vote:close', {}),
  listSnapshots: () => send('snapshots:list', {}),
  snapshotDiff: (snapshotId: string) => send('snapshot:diff', { snapshotId }),
  restoreCard: (snapshotId: string, cardId: string) => send('snapshot:restoreCard', { snapshotId, cardId }),
  restoreBoard: (snapshotId: string) => send('snapshot:restore', { snapshotId }),
}
