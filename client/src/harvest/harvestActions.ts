import { v4 as uuid } from 'uuid'
import type { Card, EntryMarks, HarvestEntry, HarvestSection, Pattern } from '@harvest/shared'
import { LIMITS, getSummary, markEntry, promote, removeEntry } from '@harvest/shared'
import { useControlStore } from '../stores/useControlStore'
import { currentHarvest } from './harvestConnection'
import { entryFromCard, entryFromPattern } from './harvestEntries'
import { textDiff } from '../board/textDiff'

const promotion = (by: string) => ({ id: uuid(), by, at: Date.now() })
const stories = () => useControlStore.getState().control?.stories ?? []

/** Writing the harvest document; the server drops these for anyone but harvesters and facilitators. */
export const harvestActions = {
  promoteCard: (card: Card, by: string) => {
    const doc = currentHarvest()
    return doc ? promote(doc, entryFromCard(card, promotion(by), stories())) : null
  },
  promotePattern: (pattern: Pattern, cards: readonly Card[], by: string) => {
    const doc = currentHarvest()
    return doc ? promote(doc, entryFromPattern(pattern, cards, promotion(by), stories())) : null
  },
  /** A key insight written straight into a section of the harvest. */
  addInsight: (section: HarvestEntry['section'], text: string, by: string) => {
    const doc = currentHarvest()
    const clean = text.trim().slice(0, LIMITS.cardTextMax)
    if (!doc || !clean) return null
    const p = promotion(by)
    return promote(doc, { id: p.id, source: 'insight', sourceId: '', section, text: clean, kind: null, cities: [], levers: [], key: false, promotedBy: by, promotedAt: p.at })
  },
  /** Marks an entry as a key insight, or names the cities it came from. */
  mark: (id: string, marks: EntryMarks) => {
    const doc = currentHarvest()
    return doc ? markEntry(doc, id, marks) : false
  },
  removeEntry: (id: string) => {
    const doc = currentHarvest()
    return doc ? removeEntry(doc, id) : false
  },
  /** Brings a section's shared summary to `text` with the smallest splice, keeping others' typing. */
  setSummary: (section: HarvestSection, text: string) => {
    const doc = currentHarvest()
    if (!doc) return
    doc.transact(() => {
      const ytext = getSummary(doc, section)
      const splice = textDiff(ytext.toString(), text)
      if (!splice) return
      if (splice.remove) ytext.delete(splice.index, splice.remove)
      if (splice.insert) ytext.insert(splice.index, splice.insert)
    })
  },
}
