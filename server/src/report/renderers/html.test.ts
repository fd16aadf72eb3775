import type { Report } from '@harvest/shared'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { fixtureReport } from '../fixtureReport'
import { renderHtml } from './html'

async function render(report: Report = fixtureReport()): Promise<{ html: string; document: El & { documentElement: El } }> {
  const html = (await renderHtml(report, { pdf: null })) as string
  return { html, document: parseHTML(html).document }
}

/** The little of the DOM these tests read: linkedom's types lean on the DOM library, which the server does not load. */
interface El {
  textContent: string | null
  className: string
  tagName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): El[] & { length: number }
}

const texts = (root: El | null | undefined, selector = '.text'): string[] =>
  [...(root?.querySelectorAll(selector) ?? [])].map((el) => el.textContent ?? '')

describe('renderHtml', () => {
  it('is one HTML5 page in English with its title and nothing loaded from outside', async () => {
    const { html, document } = await render()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(document.documentElement.getAttribute('lang')).toBe('en')
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
    expect(document.querySelector('title')?.textContent).toBe('Cluster 4: Decarbonising the Built Environment – Łódź & Umeå – Harvest Report')
    expect(document.querySelectorAll('script, link, iframe, img, object, embed')).toHaveLength(0)
    for (const el of document.querySelectorAll('[src], [href]')) {
      expect(el.getAttribute('src') ?? el.getAttribute('href')).toMatch(/^#[a-z-]+$/)
    }
    const css = texts(document, 'style').join('')
    expect(css).not.toMatch(/url\(|@import|@font-face/)
  })

  it('keeps a card holding markup as text', async () => {
    const { document } = await render()
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('main b')).toBeNull()
    expect(texts(document)).toContain('<script>alert("x")</script> & <b>bold</b>')
    expect(texts(document, '.answers li')).toContain('Hearing Łódź <b>live</b>twin city')
  })

  it('shows every card, line breaks kept', async () => {
    const { document } = await render()
    const shown = texts(document.querySelector('main'))
    for (const card of fixtureReport().cards) expect(shown).toContain(card.text)
  })

  it('follows the D4.5 order with h1, h2 and h3 nested as the Markdown is', async () => {
    const { document } = await render()
    expect(texts(document, 'h1')).toEqual(['Cluster 4: Decarbonising the Built Environment – Łódź & Umeå'])
    expect(texts(document, 'h2')).toEqual([
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
    expect(texts(document.querySelector('#so-what'), 'h3')).toEqual(['Emerging patterns', 'Challenges', 'Insights', 'Possibilities', 'Blind spots'])
    expect(texts(document.querySelector('#now-what'), 'h3')).toEqual(['Ideas', 'Synergies', 'Revised actions', 'Risks or needs'])
    const order = [...document.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName[1]))
    order.forEach((depth, i) => expect(depth - (order[i - 1] ?? 0)).toBeLessThanOrEqual(1))
  })

  it('puts cards under the section of their kind, coloured by W³ phase', async () => {
    const { document } = await render()
    const challenges = [...document.querySelectorAll('#so-what .kind')].find((k) => k.querySelector('h3')?.textContent === 'Challenges')
    expect(texts(challenges)).toEqual(['Public tenders take a year', 'Procurement rules slow every pilot'])
    expect(texts(document.querySelector('#now-what'))).toContain('Costs, "hidden" ones\nand a second line')
    expect(texts(document.querySelector('#now-what'))).not.toContain('Procurement rules slow every pilot')
    expect(document.querySelector('#what li.card')?.className).toContain('phase-what')
    expect(challenges?.querySelector('li.card')?.className).toContain('phase-so_what')
    expect(texts(document.querySelector('#key-insights'))).toEqual(['Procurement is the bottleneck across cities'])
  })

  it('lists what was promoted to a W³ section as a whole, and a city that told no story', async () => {
    const report = fixtureReport()
    report.what.stories[1] = { ...report.what.stories[1]!, status: 'no story', storyteller: '' }
    const { document } = await render(report)
    const soWhat = document.querySelector('#so-what')
    expect(texts(soWhat).indexOf('Trust travels through neighbours, not brochures')).toBe(0)
    const cluj = document.querySelectorAll('#what article.story')[1]
    expect(cluj?.textContent).toContain('No story was told')
    expect(cluj?.textContent).not.toContain('Storyteller')
    expect(texts(cluj, 'h4')).not.toContain('Prepared notes')
  })

  it('prints to A4 with page numbers, keeping cards, rows and charts whole', async () => {
    const { document } = await render()
    const css = texts(document, 'style').join('')
    expect(css).toMatch(/@page\s*{[^}]*size: A4/)
    expect(css).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages)')
    for (const selector of ['li.card, li.entry', 'tr', 'figure.chart', '.pattern']) {
      const rule = css.slice(css.indexOf(`${selector} {`))
      expect(rule.slice(0, rule.indexOf('}'))).toContain('break-inside: avoid')
    }
    expect(css).toMatch(/h1, h2, h3, h4 {[^}]*break-after: avoid/)
    expect(css).not.toMatch(/display:\s*(grid|inline-block|flex)/)
  })

  it('draws the timekeeping and survey charts inline', async () => {
    const { document } = await render()
    expect(document.querySelector('#timekeeping svg[role="img"]')).not.toBeNull()
    expect(document.querySelector('#survey svg[role="img"]')).not.toBeNull()
    expect(texts(document.querySelector('#timekeeping tr.total'), 'td')).toEqual(['Total', '70', '67.5', '−2.5'])
  })

  it('leaves the survey out when there is none, and its chart and answers when fewer than three answered', async () => {
    const none = (await render(fixtureReport({ survey: null }))).document
    expect(none.querySelector('#survey')).toBeNull()
    expect(none.querySelectorAll('svg')).toHaveLength(1)
    const report = fixtureReport()
    report.survey = { ...report.survey!, responses: 2 }
    const few = (await render(report)).document.querySelector('#survey')
    expect(few?.querySelector('svg')).toBeNull()
    expect(few?.textContent).toContain('Fewer than 3 people answered')
    expect(few?.textContent).not.toContain('Templates for tenders')
    expect(texts(few, 'tbody tr td').slice(0, 7)).toEqual(['I left the session with new insights I can act on', '0', '1', '0', '2', '1', '4'])
  })

  it('says so when a section is empty and leaves unsorted out when nothing is unsorted', async () => {
    const { document } = await render(fixtureReport({ keyInsights: [], unsorted: [], timekeeping: { rows: [], plannedMinutes: 0, actualMinutes: 0 } }))
    expect(document.querySelector('#key-insights')?.textContent).toContain('No key insights yet.')
    expect(document.querySelector('#timekeeping')?.textContent).toContain('Nothing timed yet.')
    expect(document.querySelector('#timekeeping svg')).toBeNull()
    expect(document.querySelector('#unsorted')).toBeNull()
  })

  it('lists every card in the appendix with its kind, city, author and votes', async () => {
    const { document } = await render()
    const lines = [...document.querySelectorAll('#appendix li.card')].map((li) => li.textContent)
    for (const card of fixtureReport().cards) {
      expect(lines).toContainEqual(expect.stringContaining(`${card.text}${card.kindLabel} · ${card.city} · ${card.author}`))
    }
    expect(lines).toContain('Procurement rules slow every pilotChallenge · Umeå · Writer 4 · Levers: Governance and policy · 3 votes')
  })
})
