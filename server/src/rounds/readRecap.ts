import type { Recap, SessionInfo } from '@harvest/shared'
import { listEntries, migrateHarvest } from '@harvest/shared'
import { harvestDocName } from '../documents/documentKinds'
import type { DocRegistry } from '../documents/DocRegistry'
import { readStoredDoc } from '../documents/readStoredDoc'
import type { Storage } from '../storage/Storage'
import { findRecapSource } from './recapSource'

/** The previous round's key insights of this session's cluster, or null when there is no earlier round. */
export async function readRecap(storage: Storage, docs: DocRegistry, session: SessionInfo): Promise<Recap | null> {
  const from = await findRecapSource(storage, session)
  if (!from) return null
  const doc = await readStoredDoc(storage, docs, harvestDocName(from.id))
  try {
    migrateHarvest(doc)
    const insights = listEntries(doc)
      .filter((entry) => entry.key)
      .map((entry) => ({ text: entry.text, cities: entry.cities }))
    return { from: { id: from.id, title: from.title, round: from.round, date: from.date, cluster: from.cluster }, insights }
  } finally {
    doc.destroy()
  }
}
