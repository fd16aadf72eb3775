import { parse } from 'csv-parse/sync'
import { parseHTML } from 'linkedom'
import mammoth from 'mammoth'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import type { ProgrammeReport } from '@harvest/shared'
import { LEVER_LABELS } from '@harvest/shared'
import { buildReport } from '../buildReport'
import { fixtureSessionInput } from '../fixtureSession'
import { buildProgrammeReport } from './buildProgrammeReport'
import { PROGRAMME_CSV_COLUMNS } from './programmeCsv'
import { PROGRAMME_RENDERERS } from './programmeFormats'

const base = fixtureSessionInput()
const c4 = buildReport(base)
const c4b = buildReport(fixtureSessionInput({ session: { ...base.session, id: 'session-c4b', title: 'Cluster 4 <script>again</script>' } }))
const c1 = buildReport(
  fixtureSessionInput({
    session: { ...base.session, id: 'session-c1', title: 'Cluster 1 session', cluster: 'Cluster 1: Mobility' },
    survey: null,
    entries: base.entries.filter((e) => e.id === 'e-key-finance'),
  }),
)
const programme = buildProgrammeReport([c4, c1, c4b], { round: 'Round 2', rounds: {}, now: Date.UTC(2026, 11, 1) })
const render = async (format: keyof typeof PROGRAMME_RENDERERS) => PROGRAMME_RENDERERS[format].render(programme, null)

describe('buildProgrammeReport', () => {
  it('has one part per cluster, in the order clusters first appear, with each session’s harvest', () => {
    expect(programme.clusters.map((c) => c.cluster)).toEqual(['Cluster 4: Decarbonising the Built Environment', 'Cluster 1: Mobility'])
    const [four, one] = programme.clusters
    expect(four!.sessions.map((s) => s.id)).toEqual(['session-c4', 'session-c4b'])
    expect(four!.keyInsights).toHaveLength(4)
    expect(four!.what.map((e) => e.id)).toEqual(['e-cluj-outcome', 'e-cluj-outcome'])
    expect(four!.summaries.what).toHaveLength(2)
    expect(one!.keyInsights.map((e) => e.text)).toEqual(['Bankable proposals need staff: finance is the shared bottleneck'])
    expect(one!.soWhat).toEqual([])
  })

  it('counts each lever across sessions, most mentioned first, with the clusters it came up in', () => {
    const perSession = c4.levers.sections.find((s) => s.lever === 'finance')!.count
    const inC1 = c1.levers.sections.find((s) => s.lever === 'finance')!.count
    const finance = programme.levers.find((l) => l.lever === 'finance')!
    expect(finance.count).toBe(2 * perSession + inC1)
    expect(finance.clusters).toEqual([
      { cluster: 'Cluster 4: Decarbonising the Built Environment', count: 2 * perSession },
      { cluster: 'Cluster 1: Mobility', count: inC1 },
    ])
    expect(programme.levers[0]!.lever).toBe('finance')
    const counts = programme.levers.map((l) => l.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('sums the survey over the sessions that ran one', () => {
    expect(programme.survey).toMatchObject({ sessions: 2, responses: 6, pilotResponses: 4, twinResponses: 2 })
    expect(programme.survey!.statements).toEqual([{ text: 'I left the session with new insights I can act on', counts: [0, 0, 2, 2, 2], answered: 6, agreed: 4 }])
    expect(programme.survey!.questions[0]!.answers).toHaveLength(2)
    expect(buildProgrammeReport([c1], { round: '', rounds: {}, now: 0 }).survey).toBeNull()
  })
})

describe('programme renderers', () => {
  it('writes Markdown with a part per cluster, the levers and the survey, no HTML from users', async () => {
    const md = String(await render('md'))
    const tokens = marked.lexer(md)
    const h2 = tokens.filter((t) => t.type === 'heading' && t.depth === 2).map((t) => (t as { text: string }).text)
    expect(h2).toEqual(['Sessions', 'Cluster 4: Decarbonising the Built Environment', 'Cluster 1: Mobility', 'Insights across clusters by lever of change', 'Feedback survey across sessions'])
    expect(tokens.some((t) => t.type === 'table')).toBe(true)
    expect(md).toContain('4 pilot and 2 twin city answers (6 in all) from 2 sessions')
    expect(marked.parse(md)).not.toContain('<script>')
  })

  it('writes HTML with the survey chart and escaped titles', async () => {
    const { document } = parseHTML(String(await render('html')))
    expect(document.querySelector('script')).toBeNull()
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Cluster 1: Mobility')
    expect(document.querySelector('.sessions')?.textContent).toContain('Cluster 4 <script>again</script>')
    expect(document.querySelector('figure.chart svg')).not.toBeNull()
    expect(document.querySelector('.statements')?.textContent).toContain('4 of 6 agreed or strongly agreed')
  })

  it('writes Word, JSON and CSV with the same figures', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await render('docx')) })
    expect(value).toContain('Insights across clusters by lever of change')
    expect(value).toContain('4 of 6 agreed or strongly agreed')
    const json = JSON.parse(String(await render('json'))) as ProgrammeReport
    expect(json).toEqual(programme)
    const rows = parse(String(await render('csv')), { bom: true, columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...PROGRAMME_CSV_COLUMNS])
    expect(rows).toHaveLength(3 * 6)
    const finance = rows.filter((r) => r.Lever === LEVER_LABELS.finance).map((r) => Number(r.Mentions))
    expect(finance.reduce((a, b) => a + b, 0)).toBe(programme.levers.find((l) => l.lever === 'finance')!.count)
  })

  it('refuses a PDF without a browser', async () => {
    await expect(render('pdf')).rejects.toThrow()
  })
})
