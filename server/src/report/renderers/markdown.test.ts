import type { Report } from '@harvest/shared'
import { parseHTML } from 'linkedom'
import { marked, type Token, type Tokens } from 'marked'
import { describe, expect, it } from 'vitest'
import { fixtureReport } from '../fixtureReport'
import { renderMarkdown } from './markdown'

async function render(report: Report = fixtureReport()): Promise<string> {
  return (await renderMarkdown(report, { pdf: null })) as string
}

/** Every token, nested ones included. */
function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => {
    const children = [...('tokens' in token && token.tokens ? token.tokens : []), ...('items' in token && Array.isArray(token.items) ? token.items : [])]
    return [token, ...allTokens(children as Token[])]
  })
}

const headings = (tokens: Token[], depth: number): string[] =>
  tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth).map((t) => t.text)

/** What a reader sees under a heading path (["So What?", "Challenges"]), line breaks read as spaces. */
function seenUnder(md: string, path: string[]): string {
  const stack: string[] = []
  const under: Token[] = []
  for (const token of marked.lexer(md)) {
    if (token.type === 'heading') {
      stack.length = token.depth - 1
      stack[token.depth - 1] = token.text
    }
    if (path.every((title, i) => stack[i + 1] === title)) under.push(token)
  }
  const html = marked.parser(under).replace(/<br>/g, ' ')
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent?.replace(/\s+/g, ' ') ?? ''
}

const flat = (text: string): string => text.replace(/\s+/g, ' ')

describe('renderMarkdown', () => {
  it('follows the D4.5 order, key insights first', async () => {
    const tokens = marked.lexer(await render())
    expect(headings(tokens, 1)).toEqual(['Cluster 4: Decarbonising the Built Environment – Łódź &amp; Umeå'])
    expect(headings(tokens, 2)).toEqual([
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
  })

  it('puts each card under the section of its kind', async () => {
    const md = await render()
    const report = fixtureReport()
    const text = (id: string): string => flat(report.cards.find((c) => c.id === id)?.text ?? 'missing')
    expect(seenUnder(md, ['What? — per city', 'Łódź'])).toContain(text('card-1'))
    expect(seenUnder(md, ['What? — per city', 'Łódź'])).toContain(text('card-2'))
    expect(seenUnder(md, ['So What?', 'Challenges'])).toContain(text('card-4'))
    expect(seenUnder(md, ['So What?', 'Challenges'])).toContain(text('card-5'))
    expect(seenUnder(md, ['So What?', 'Emerging patterns'])).toContain(text('card-4'))
    expect(seenUnder(md, ['So What?', 'Insights'])).toContain(text('card-6'))
    expect(seenUnder(md, ['Now What?', 'Ideas'])).toContain(text('card-7'))
    expect(seenUnder(md, ['Now What?'])).not.toContain(text('card-4'))
    expect(seenUnder(md, ['Not yet sorted'])).toContain(text('card-8'))
    expect(seenUnder(md, ['Key insights'])).toContain('Procurement is the bottleneck across cities')
    expect(seenUnder(md, ['Key insights'])).toContain('Łódź, Umeå · Governance and policy')
  })

  it('lists what was promoted to a W³ section as a whole under its summary', async () => {
    const md = await render()
    expect(seenUnder(md, ['So What?'])).toContain('Trust travels through neighbours, not brochures — Insight · Łódź')
    expect(md.indexOf('Trust travels through neighbours')).toBeLessThan(md.indexOf('### Emerging patterns'))
  })

  it('shows a city heard only through its cards without a story to tell', async () => {
    const report = fixtureReport()
    const lodz = report.what.stories[0]!
    report.what.stories[0] = { ...lodz, status: 'no story', storyteller: '', title: '', prepared: [] }
    const md = await render(report)
    const seen = seenUnder(md, ['What? — per city', 'Łódź'])
    expect(seen).toContain('No story was told: these are the cards written about this city.')
    expect(seen).not.toContain('Story:')
    expect(seen).not.toContain('Prepared notes')
    expect(seen).toContain('Retrofit one-stop shop opened in Łódź')
  })

  it('keeps markup in a card as text, never as HTML', async () => {
    const md = await render()
    const kinds = allTokens(marked.lexer(md)).map((t) => t.type)
    expect(kinds).not.toContain('html')
    expect(seenUnder(md, ['What? — per city', 'Łódź'])).toContain('<script>alert("x")</script> & <b>bold</b>')
    expect(seenUnder(md, ['Feedback survey', 'Open questions'])).toContain('Hearing Łódź <b>live</b> — twin city')
  })

  it('writes timekeeping as a table with totals', async () => {
    const table = marked.lexer(await render()).find((t): t is Tokens.Table => t.type === 'table')
    expect(table?.header.map((c) => c.text)).toEqual(['Item', 'Planned (min)', 'Actual (min)', 'Difference (min)'])
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Welcome and frame', '10', '12.5', '+2.5'],
      ['Storytelling: Looking back', '60', '55', '−5'],
      ['↳ Łódź: A one-stop shop for retrofits', '15', '18', '+3'],
      ['**Total**', '**70**', '**67.5**', '**−2.5**'],
    ])
  })

  it('keeps a pipe or a line break inside one table cell', async () => {
    const report = fixtureReport()
    report.timekeeping.rows[0] = { kind: 'item', title: 'Welcome | frame\nand intro', plannedMinutes: 10, actualMinutes: 10, overMinutes: 0 }
    const table = marked.lexer(await render(report)).find((t): t is Tokens.Table => t.type === 'table')
    expect(table?.rows[0]?.map((c) => c.text)).toEqual(['Welcome | frame and intro', '10', '10', '±0'])
  })

  it('keeps names outside ASCII as they are', async () => {
    const md = await render()
    expect(headings(marked.lexer(md), 3)).toContain('Łódź')
    expect(md).toContain('Umeå, twin of Łódź')
  })

  it('counts the survey the way the report does', async () => {
    const md = await render()
    const seen = seenUnder(md, ['Feedback survey'])
    expect(seen).toContain('4 responses (3 from pilot cities, 1 from twin cities)')
    expect(seen).toContain('I left the session with new insights I can act on: 3 of 4 agreed or strongly agreed')
    const counts = marked.lexer(md).filter((t): t is Tokens.Table => t.type === 'table')[1]
    expect(counts?.rows[0]?.map((c) => c.text)).toEqual(['I left the session with new insights I can act on', '0', '1', '0', '2', '1', '4'])
    expect(seen).toContain('Templates for tenders — pilot city')
  })

  it('shows only counts when fewer than three people answered', async () => {
    const report = fixtureReport()
    report.survey = { ...report.survey!, responses: 2, pilotResponses: 1, twinResponses: 1 }
    const seen = seenUnder(await render(report), ['Feedback survey'])
    expect(seen).toContain('Fewer than 3 people answered')
    expect(seen).not.toContain('agreed or strongly agreed')
    expect(seen).not.toContain('Templates for tenders')
    expect(seen).toContain('1 answer.')
  })

  it('leaves the survey and unsorted cards out when there are none', async () => {
    const tokens = marked.lexer(await render(fixtureReport({ survey: null, unsorted: [] })))
    expect(headings(tokens, 2)).not.toContain('Feedback survey')
    expect(headings(tokens, 2)).not.toContain('Not yet sorted')
  })

  it('says so when a section is empty rather than dropping it', async () => {
    const md = await render(fixtureReport({ keyInsights: [], appendix: [], cards: [], soWhat: { summary: '', entries: [], patterns: [], kinds: [] } }))
    expect(headings(marked.lexer(md), 2)).toContain('Key insights')
    expect(seenUnder(md, ['Key insights'])).toContain('No key insights yet.')
    expect(seenUnder(md, ['So What?', 'Emerging patterns'])).toContain('No patterns yet.')
    expect(seenUnder(md, ['Now What?', 'Synergies'])).toContain('No cards yet.')
    expect(seenUnder(md, ['Appendix: every card'])).toContain('No cards yet.')
    expect(seenUnder(md, ['What? — per city', 'Cluj-Napoca'])).toContain('No title given')
  })

  it('lists every card in the appendix with its kind, city, author and votes', async () => {
    const md = await render()
    const appendix = seenUnder(md, ['Appendix: every card'])
    for (const card of fixtureReport().cards) {
      expect(appendix).toContain(`${flat(card.text)} — ${card.kindLabel} · ${card.city} · ${card.author}`)
    }
    expect(appendix).toContain('Procurement rules slow every pilot — Challenge · Umeå · Writer 4 · Levers: Governance and policy · 3 votes')
    expect(seenUnder(md, ['Appendix: every card', 'Breakouts – Room 1'])).toContain('Round: Breakouts')
  })
})
