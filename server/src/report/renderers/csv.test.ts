import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { ReportCard } from '@harvest/shared'
import { fixtureReport } from '../fixtureReport'
import { CSV_COLUMNS, renderCsv } from './csv'

type Row = Record<string, string>

/** Renders a report to CSV text. */
const render = async (report = fixtureReport()) => (await renderCsv(report, { pdf: null })) as string

/** Reads the CSV back as a spreadsheet import would, one object per row keyed by header. */
const rows = (text: string): Row[] => parse(text, { bom: true, columns: true })

/** A report holding one card per text, every other field taken from the fixture's first card. */
const withTexts = (...texts: string[]) => {
  const base = fixtureReport().cards[0]!
  const cards: ReportCard[] = texts.map((text, i) => ({ ...base, id: `t-${i}`, text }))
  return fixtureReport({ cards })
}

describe('renderCsv', () => {
  it('writes one row per card with the same ids and texts, in order', async () => {
    const report = fixtureReport()
    const read = rows(await render(report))
    expect(read.map((r) => r.ID)).toEqual(report.cards.map((c) => c.id))
    const plain = read.filter((r) => !r.Text!.startsWith("'"))
    const expected = report.cards.filter((c) => !/^[=+]/.test(c.text))
    expect(plain.map((r) => r.Text)).toEqual(expected.map((c) => c.text))
    expect(read.find((r) => r.ID === 'card-7')?.Text).toBe('Costs, "hidden" ones\nand a second line')
    expect(read.find((r) => r.ID === 'card-3')?.Text).toBe('<script>alert("x")</script> & <b>bold</b>')
  })

  it('has one column per card field, headed by its human name, in the documented order', async () => {
    const [header] = (await render()).replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(CSV_COLUMNS.map((c) => `"${c.header}"`).join(','))
    expect(CSV_COLUMNS.map((c) => c.field).sort()).toEqual(Object.keys(fixtureReport().cards[0]!).sort())
  })

  it('fills the columns people read: labels for levers and domains, lists joined with "; "', async () => {
    const report = fixtureReport()
    const read = rows(await render(report))
    const tenders = read.find((r) => r.ID === 'card-5')!
    expect(tenders).toMatchObject({ Kind: 'challenge', 'Kind label': 'Challenge', Pattern: 'Procurement', Votes: '0', Promoted: 'no' })
    expect(tenders.Levers).toBe('Governance and policy; Finance and funding')
    const costs = read.find((r) => r.ID === 'card-7')!
    expect(costs['Emission domains']).toBe('Non-electric energy for thermal uses in buildings & facilities')
    expect(costs.Tags).toBe('budget')
    const script = read.find((r) => r.ID === 'card-3')!
    expect(script).toMatchObject({ Kind: '', 'Kind label': 'Unsorted', Round: '', Pattern: '', Levers: '' })
    expect(read[0]).toMatchObject({ Promoted: 'yes', 'Created at': report.cards[0]!.createdAt })
  })

  it('keeps Łódź and Umeå intact and starts with a UTF-8 byte-order mark', async () => {
    const text = await render()
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const read = rows(text)
    expect(read.map((r) => r.City)).toContain('Łódź')
    expect(read.map((r) => r['Author city'])).toContain('Umeå')
  })

  it('ends every line with CRLF, and keeps a line break inside its cell', async () => {
    const text = await render(withTexts('one', 'two'))
    expect(text.split('\r\n')).toHaveLength(4)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    // Quoted, or Excel (which splits rows on a bare LF too) would start a new row mid-card.
    const broken = await render(withTexts('first line\nsecond line', 'next'))
    expect(broken).toContain('"first line\nsecond line"')
    expect(rows(broken).map((r) => r.Text)).toEqual(['first line\nsecond line', 'next'])
  })

  it('makes the fixture formula cards inert with a leading quote', async () => {
    const read = rows(await render())
    expect(read.find((r) => r.ID === 'card-6')?.Text).toBe(`'=HYPERLINK("http://x","click")`)
    expect(read.find((r) => r.ID === 'card-8')?.Text).toBe(`'+ to be sorted later`)
  })

  it('makes cells starting with -, @, tab or carriage return inert, and leaves normal cells alone', async () => {
    const texts = ['-1+2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', 'Ordinary = text']
    const read = rows(await render(withTexts(...texts)))
    expect(read.map((r) => r.Text)).toEqual(["'-1+2", "'@SUM(A1:A9)", "'\t=1+1", "'\r=1+1", 'Ordinary = text'])
  })

  it('makes every column inert, not only the text', async () => {
    const base = fixtureReport().cards[0]!
    const card: ReportCard = { ...base, author: '=cmd', city: '@city', tags: ['-x'], pattern: '+p' }
    const [row] = rows(await render(fixtureReport({ cards: [card] })))
    expect(row).toMatchObject({ Author: "'=cmd", City: "'@city", Tags: "'-x", Pattern: "'+p" })
  })
})
