import { inflateRawSync } from 'node:zlib'
import { parseHTML } from 'linkedom'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import type { Report } from '@harvest/shared'
import { fixtureReport } from '../fixtureReport'
import { renderDocx } from './docx'

async function render(report: Report = fixtureReport()): Promise<Uint8Array> {
  const bytes = await renderDocx(report, { pdf: null })
  if (typeof bytes === 'string') throw new Error('expected bytes')
  return bytes
}

/** The document as Word's text would be read by mammoth: its HTML parsed into a DOM. */
async function asHtml(bytes: Uint8Array) {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return { html: value, document: parseHTML(`<!doctype html><html><body>${value}</body></html>`).document }
}

/** The files of a zip archive by name, read from its central directory. */
function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes)
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip archive')
  const files = new Map<string, Buffer>()
  let at = buf.readUInt32LE(end + 16)
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    const [method, size, nameLength] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20), buf.readUInt16LE(at + 28)]
    const local = buf.readUInt32LE(at + 42)
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(dataAt, dataAt + size)
    files.set(buf.toString('utf8', at + 46, at + 46 + nameLength), method === 8 ? inflateRawSync(data) : data)
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
  }
  return files
}

function part(bytes: Uint8Array, name: string): string {
  const file = unzip(bytes).get(name)
  if (!file) throw new Error(`no ${name} in the archive`)
  return file.toString('utf8')
}

const texts = (nodes: Iterable<{ textContent: string | null }>): string[] => [...nodes].map((n) => n.textContent ?? '')

describe('renderDocx', () => {
  it('uses Word heading styles in the order of the report', async () => {
    const { document } = await asHtml(await render())
    expect(texts(document.querySelectorAll('h1'))).toEqual([
      'Key insights',
      'What? — per city',
      'So What?',
      'Now What?',
      'Not yet sorted',
      'Insights by lever of change',
      'Timekeeping',
      'Feedback survey',
      'Appendix: every card',
    ])
    const h2 = texts(document.querySelectorAll('h2'))
    expect(h2.slice(0, 4)).toEqual(['Łódź', 'Cluj-Napoca', 'Emerging patterns', 'Challenges'])
    expect(h2).toContain('Umeå')
    expect(h2).toContain('Governance and policy')
    expect(texts(document.querySelectorAll('h3'))).toContain('Procurement')
  })

  it('writes a title, document properties, A4 pages, real lists and repeating table headers', async () => {
    const bytes = await render()
    const body = part(bytes, 'word/document.xml')
    expect(body).toContain('<w:pStyle w:val="Title"/>')
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(body).toContain('<w:tblHeader/>')
    expect(body).toContain('<w:cantSplit/>')
    const core = part(bytes, 'docProps/core.xml')
    expect(core).toContain('<dc:title>Cluster 4: Decarbonising the Built Environment – Łódź &amp; Umeå</dc:title>')
    expect(core).toContain('<dc:creator>Harvest</dc:creator>')
    expect(core).toMatch(/<dc:description>Harvest Report of .+<\/dc:description>/)

    const { document } = await asHtml(bytes)
    const keyInsights = document.querySelector('h1')?.nextElementSibling
    expect(keyInsights?.tagName).toBe('UL')
    expect(keyInsights?.textContent).toContain('Procurement is the bottleneck across cities')
  })

  it('keeps user text as text, with its non-ASCII letters', async () => {
    const bytes = await render()
    const { html, document } = await asHtml(bytes)
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('b')).toBeNull()
    expect(html).not.toContain('<script')
    expect(texts(document.querySelectorAll('li')).some((t) => t.startsWith('<script>alert("x")</script> & <b>bold</b>'))).toBe(true)
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(raw).toContain('Retrofit one-stop shop opened in Łódź')
    expect(raw).toContain('Umeå, twin of Łódź')
    expect(raw).toContain('=HYPERLINK("http://x","click")')
  })

  it('lists every card of the report somewhere, line by line', async () => {
    const report = fixtureReport()
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(await render(report)) })
    for (const card of report.cards) {
      for (const line of card.text.split('\n')) expect(raw).toContain(line)
    }
  })

  it('keeps a harvest entry that names no kind in its section', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await render(fixtureReport())) })
    const soWhat = html.slice(html.indexOf('<h1>So What?</h1>'), html.indexOf('<h1>Now What?</h1>'))
    expect(soWhat).toContain('Trust travels through neighbours, not brochures')
  })

  it('gives the appendix one bullet per card with kind, city, author, levers and votes', async () => {
    const { document } = await asHtml(await render())
    const headings = [...document.querySelectorAll('h1')]
    const appendix = headings.find((h) => h.textContent === 'Appendix: every card')
    const items: string[] = []
    for (let n = appendix?.nextElementSibling; n; n = n.nextElementSibling) items.push(...texts(n.querySelectorAll('li')))
    expect(items).toHaveLength(fixtureReport().cards.length)
    expect(items).toContain('Procurement rules slow every pilot — Challenge · Umeå · Writer 4 · Levers: Governance and policy · 3 votes')
  })

  it('writes timekeeping as a Word table with totals and a native chart of the minutes', async () => {
    const bytes = await render()
    const { document } = await asHtml(bytes)
    const rows = [...document.querySelectorAll('table')]
      .find((t) => t.textContent?.includes('Welcome and frame'))
      ?.querySelectorAll('tr')
    const [head, ...body] = [...(rows ?? [])]
    // Mammoth writes a row marked as the table's header row (repeated on every page) as <th> cells.
    expect(texts(head?.querySelectorAll('th') ?? [])).toEqual(['Item', 'Planned(min)', 'Actual(min)', 'Difference(min)'])
    expect(body.map((r) => texts(r.querySelectorAll('td')))).toEqual([
      ['Welcome and frame', '10', '12.5', '+2.5'],
      ['Storytelling: Looking back', '60', '55', '−5'],
      ['Łódź: A one-stop shop for retrofits', '15', '18', '+3'],
      ['Total', '70', '67.5', '−2.5'],
    ])
    const chart = part(bytes, 'word/charts/chart1.xml')
    expect(chart).toContain('<c:barDir val="bar"/>')
    for (const value of ['Planned', 'Actual', '12.5', '55', '18', 'Welcome and frame', 'Łódź: A one-stop shop for retrofits']) expect(chart).toContain(`<c:v>${value}</c:v>`)
  })

  it('reports the survey: agreement in words, counts in a table, a stacked chart and marked answers', async () => {
    const bytes = await render()
    const { document } = await asHtml(bytes)
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(raw).toContain('I left the session with new insights I can act on: 3 of 4 agreed or strongly agreed')
    const table = [...document.querySelectorAll('table')].find((t) => t.textContent?.includes('Collective sensemaking'))
    const row = [...(table?.querySelectorAll('tr') ?? [])].find((r) => r.textContent?.includes('Collective sensemaking'))
    expect(texts(row?.querySelectorAll('td') ?? []).slice(1)).toEqual(['1', '0', '1', '1', '1', '4'])
    expect(texts(document.querySelectorAll('li'))).toContain('Hearing Łódź <b>live</b> — twin city')
    const chart = part(bytes, 'word/charts/chart2.xml')
    expect(chart).toContain('<c:grouping val="stacked"/>')
    expect(chart).toContain('<c:v>Strongly agree</c:v>')
  })

  it('leaves the chart out and quotes no answers when fewer than three people answered', async () => {
    const base = fixtureReport()
    const survey = base.survey && { ...base.survey, responses: 2, pilotResponses: 2, twinResponses: 0 }
    const bytes = await render(fixtureReport({ survey }))
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    expect(raw).toContain('Feedback survey')
    expect(raw).not.toContain('Hearing Łódź')
    expect(raw).not.toContain('agreed or strongly agreed')
    expect(unzip(bytes).has('word/charts/chart2.xml')).toBe(false)
  })

  it('says briefly when a section is empty, and leaves out the survey and unsorted cards when there are none', async () => {
    const base = fixtureReport()
    const bytes = await render(
      fixtureReport({
        keyInsights: [],
        unsorted: [],
        survey: null,
        soWhat: { ...base.soWhat, patterns: [] },
        timekeeping: { rows: [], plannedMinutes: 0, actualMinutes: 0 },
      }),
    )
    const { document } = await asHtml(bytes)
    const h1 = texts(document.querySelectorAll('h1'))
    expect(h1).not.toContain('Feedback survey')
    expect(h1).not.toContain('Not yet sorted')
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    for (const note of ['No key insights yet.', 'No patterns yet.', 'Nothing timed yet.', 'No cards yet.']) expect(raw).toContain(note)
    expect([...unzip(bytes).keys()].some((name) => name.startsWith('word/charts/'))).toBe(false)
  })
})
