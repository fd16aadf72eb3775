import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { HarvestEntry } from './harvestEntry'
import { HARVEST_ROOTS, HARVEST_SCHEMA_VERSION, HARVEST_SECTIONS, getSummary, harvestVersion, listEntries, migrateHarvest, prepareHarvest, promote, readSummary } from './harvest'
import { readEntry } from './harvestEntry'

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

  it('reads kinds, levers, sources and sections against the taxonomy instead of trusting them', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    doc.getMap<Y.Map<unknown>>(HARVEST_ROOTS.entries).set('rogue', map)
    map.set('source', 'rumour')
    map.set('section', 'levers')
    map.set('kind', 'gossip')
    map.set('levers', ['finance', 'magic', 7])
    map.set('cities', ['Galway', { city: 'x' }])
    map.set('key', 'yes')
    expect(readEntry('rogue', map)).toMatchObject({
      source: 'card', section: 'so_what', kind: null, levers: ['finance'], cities: ['Galway'], key: false, text: '', promotedAt: 0,
    })
    expect(readEntry('x', 'not a map')).toBeNull()
  })
})

describe('migrateHarvest', () => {
  it('brings a new document to the current version with every section, and a second run writes nothing', () => {
    const doc = new Y.Doc()
    expect(harvestVersion(doc)).toBe(0)
    migrateHarvest(doc)
    expect(harvestVersion(doc)).toBe(HARVEST_SCHEMA_VERSION)
    expect(HARVEST_SECTIONS.every((s) => doc.getMap(HARVEST_ROOTS.summaries).get(s) instanceof Y.Text)).toBe(true)
    let updates = 0
    doc.on('update', () => updates++)
    migrateHarvest(doc)
    expect(updates).toBe(0)
  })

  it('reads an entry stored before key insights existed as not key', () => {
    const doc = new Y.Doc()
    const { key: _, ...old } = { id: 'e', source: 'card', sourceId: 'c', section: 'what', text: 't', kind: 'outcome', cities: [], levers: [], key: true, promotedBy: 'h', promotedAt: 1 } as const
    promote(doc, old as unknown as HarvestEntry)
    migrateHarvest(doc)
    expect(listEntries(doc)[0]).toMatchObject({ id: 'e', key: false, kind: 'outcome' })
  })
})
