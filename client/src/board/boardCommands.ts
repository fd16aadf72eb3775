import type { Ack, Draft, VoteView } from '@harvest/shared'
import { boardRequests } from '../socket'
import { useBoardSessionStore } from '../stores/useBoardSessionStore'
import { useNoticeStore } from '../stores/useNoticeStore'

/** Resolves with the data, or null after telling the person why the server said no. */
async function settle<T>(reply: Promise<Ack<T>>): Promise<T | null> {
  const result = await reply
  if (result.ok) return result.data
  useNoticeStore.getState().show('error', result.message || 'the server refused that')
  return null
}

const setVote = (vote: VoteView | null) => {
  if (vote) useBoardSessionStore.getState().setVote(vote)
  return vote
}

/** The board's server-decided actions, as components call them. */
export const boardCommands = {
  saveDraft: async (draft: Omit<Draft, 'id' | 'createdAt'> & { id?: string }) => {
    // The server's schema is strict: send exactly the fields it takes.
    const { id, text, kind, area, levers, domains } = draft
    const saved = await settle(boardRequests.saveDraft({ ...(id ? { id } : {}), text, kind, area, levers, domains }))
    if (saved) {
      const drafts = useBoardSessionStore.getState().drafts.filter((d) => d.id !== saved.id)
      useBoardSessionStore.getState().setDrafts([...drafts, saved].sort((a, b) => a.createdAt - b.createdAt))
    }
    return saved
  },
  deleteDraft: async (id: string) => {
    const done = (await settle(boardRequests.deleteDraft(id))) !== null
    if (done) useBoardSessionStore.getState().setDrafts(useBoardSessionStore.getState().drafts.filter((d) => d.id !== id))
    return done
  },
  revealDrafts: async () => {
    const result = await settle(boardRequests.revealDrafts())
    if (result) useNoticeStore.getState().show('info', `${result.revealed} private ${result.revealed === 1 ? 'card is' : 'cards are'} now on the board.`)
    return result
  },
  setMode: (mode: { privateWriting?: boolean; anonymous?: boolean }) => settle(boardRequests.setMode(mode)),
  follow: (area: string | null) => settle(boardRequests.follow(area)),
  openVote: async (area: string | null, budget: number, hidden: boolean) => setVote(await settle(boardRequests.openVote({ area, budget, hidden }))),
  castVote: async (cardId: string, delta: 1 | -1) => setVote(await settle(boardRequests.castVote(cardId, delta))),
  closeVote: async () => setVote(await settle(boardRequests.closeVote())),
  listSnapshots: () => settle(boardRequests.listSnapshots()),
  snapshotDiff: (snapshotId: string) => settle(boardRequests.snapshotDiff(snapshotId)),
  restoreCard: (snapshotId: string, cardId: string) => settle(boardRequests.restoreCard(snapshotId, cardId)),
  restoreBoard: (snapshotId: string) => settle(boardRequests.restoreBoard(snapshotId)),
}
