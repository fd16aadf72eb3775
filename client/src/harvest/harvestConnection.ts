import type * as Y from 'yjs'
import { HARVEST_PATH, HARVEST_SECTIONS, listEntries, readSummary } from '@harvest/shared'
import { useHarvestStore } from '../stores/useHarvestStore'
import { useNoticeStore } from '../stores/useNoticeStore'
import { openDocLink, unsavedNotice, type DocLink } from '../board/docProvider'
import { reconcile } from '../board/reconcileCards'

let current: DocLink | null = null
let opened: { sessionId: string; token: string } | null = null

/** The open harvest document, for the actions in harvestActions.ts. */
export const currentHarvest = (): Y.Doc | null => current?.doc ?? null

/** Opens the session's harvest document (a second Yjs document) and mirrors it into its store. */
export function openHarvest(sessionId: string, token: string): void {
  closeHarvest()
  opened = { sessionId, token }
  useHarvestStore.getState().reset()
  connect(sessionId, token)
}

function connect(sessionId: string, token: string): void {
  const store = () => useHarvestStore.getState()
  current = openDocLink(HARVEST_PATH, sessionId, token, {
    onStatus: (status) => store().setSynced(status === 'synced'),
    onRefused: () => {
      store().setSynced(false)
      current?.provider.disconnect()
    },
    onRejected: (reason) => {
      useNoticeStore.getState().show('error', `The harvest did not accept your last change: ${reason}`)
      const again = opened
      if (again) openHarvest(again.sessionId, again.token)
    },
    onThrottled: () => {
      useNoticeStore.getState().show('info', 'Your changes are arriving faster than the harvest takes them: they will be sent again in a moment, nothing is lost.')
    },
    onUnsaved: (reason) => useNoticeStore.getState().show('error', unsavedNotice(reason)),
    onChange: (doc) => {
      const summaries = Object.fromEntries(HARVEST_SECTIONS.map((s) => [s, readSummary(doc, s)])) as ReturnType<typeof store>['summaries']
      store().setContent(reconcile(store().entries, listEntries(doc)), summaries)
    },
  })
}

export function closeHarvest(): void {
  current?.destroy()
  current = null
  opened = null
}
