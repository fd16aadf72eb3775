import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { HarvestEntry } from './harvest'
import { HARVEST_SECTIONS, getSummary, listEntries, prepareHarvest, promote, readSummary } from './harvest'

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('the harvest document', () => {
  it('keeps what two harvesters type into the same section when the server prepared it', () => {
    const server = new Y.Doc()
    prepareHarvest(server)
    const [ana, ben] = [new Y.Doc(), new Y.Doc()]
    sync(server, ana)
    sync(server, ben)
    getSummary(ana, 'so_what').insert(0, 'Retrofit journeys. ')
    getSummary(ben, 'so_what').insert(0, 'Trust first. ')
    for (const doc of [ana, ben]) sync(doc, server)
    for (const doc of [ana, ben]) sync(server, doc)
    const text = readSummary(server, 'so_what')
    expect(text).toContain('Retrofit journeys.')
    expect(text).toContain('Trust first.')
    expect(readSummary(ana, 'so_what')).toBe(text)
  })

  it('prepares every section once, and preparing again changes nothing', () => {
    const doc = new Y.Doc()
    prepareHarvest(doc)
    getSummary(doc, 'what').insert(0, 'kept')
    const before = Y.encodeStateVector(doc)
    prepareHarvest(doc)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(HARVEST_SECTIONS.map((s) => readSummary(doc, s))).toEqual(['', 'kept', '', '', ''])
  })

  it('lists promoted entries in the order promoted', () => {
    const doc = new Y.Doc()
    const entry: Omit<HarvestEntry, 'id' | 'text' | 'promotedAt'> = {
      source: 'card', sourceId: 'c', section: 'so_what', kind: 'insight', cities: ['Galway'], levers: [], key: false, promotedBy: 'h',
    }
    promote(doc, { ...entry, id: 'b', text: 'second', promotedAt: 2 })
    promote(doc, { ...entry, id: 'a', text: 'first', promotedAt: 1 })
    expect(listEntries(doc).map((e) => e.text)).toEqual(['first', 'second'])
  })
})
