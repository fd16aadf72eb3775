import type { SurveyStatement, TimeRow } from '@harvest/shared'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { surveyChart, timekeepingChart } from './svgCharts'

/** The little of the DOM these tests read: linkedom's types lean on the DOM library, which the server does not load. */
interface El {
  textContent: string | null
  className: string
  tagName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): El[] & { length: number }
}

function parse(svg: string): El {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document
}

const num = (el: El | null | undefined, attr: string): number => Number(el?.getAttribute(attr))

const ROWS: TimeRow[] = [
  { kind: 'item', title: 'Welcome and frame', plannedMinutes: 10, actualMinutes: 12.5, overMinutes: 2.5 },
  { kind: 'item', title: 'Storytelling: Looking back', plannedMinutes: 60, actualMinutes: 55, overMinutes: -5 },
  { kind: 'story', title: 'Łódź: <script>alert(1)</script>', plannedMinutes: 15, actualMinutes: 18, overMinutes: 3 },
]

describe('timekeepingChart', () => {
  it('is an accessible image that names every row', () => {
    const doc = parse(timekeepingChart(ROWS))
    const svg = doc.querySelector('svg')
    expect(svg?.getAttribute('role')).toBe('img')
    expect(doc.querySelector('svg > title')?.textContent).toContain('planned and actual minutes')
    const labels = [...doc.querySelectorAll('text')].map((t) => t.textContent)
    expect(labels).toContain('Welcome and frame')
    expect(labels).toContain('↳ Łódź: <script>alert(1)</script>')
    expect(labels).toContain('12.5 of 10 min (+2.5)')
    expect(doc.querySelector('script')).toBeNull()
  })

  it('draws bars in proportion and the minutes beyond the plan in their own colour', () => {
    const doc = parse(timekeepingChart(ROWS))
    const groups = [...doc.querySelectorAll('g')]
    const bars = groups.map((g) => [...g.querySelectorAll('rect')])
    expect(num(bars[1]?.[0], 'width') / num(bars[0]?.[0], 'width')).toBeCloseTo(6, 1)
    const overtimeFill = bars[0]?.[2]?.getAttribute('fill')
    expect(overtimeFill).toBeTruthy()
    expect(overtimeFill).not.toBe(bars[0]?.[1]?.getAttribute('fill'))
    expect(bars.map((rects) => rects.filter((r) => r.getAttribute('fill') === overtimeFill).length)).toEqual([1, 0, 1])
    expect(num(bars[0]?.[2], 'width') / num(bars[0]?.[1], 'width')).toBeCloseTo(0.25, 1)
  })

  it('gives the same bytes for the same rows, and nothing for no rows', () => {
    expect(timekeepingChart(ROWS)).toBe(timekeepingChart(structuredClone(ROWS)))
    expect(timekeepingChart(ROWS)).not.toMatch(/\d\.\d\d/)
    expect(timekeepingChart([])).toBe('')
  })
})

const statement = (text: string, counts: SurveyStatement['counts']): SurveyStatement => {
  const answered = counts.reduce((a, b) => a + b, 0)
  return { text, counts, answered, agreed: counts[3] + counts[4] }
}

describe('surveyChart', () => {
  const STATEMENTS = [
    statement('I left the session with new insights I can act on', [0, 1, 0, 2, 1]),
    statement('Collaboration & <b>trust</b>', [1, 0, 2, 1, 0]),
  ]

  it('centres each bar on neutral: disagreement left of the centre, agreement right', () => {
    const doc = parse(surveyChart(STATEMENTS))
    const centre = num(doc.querySelector('line'), 'x1')
    const segments = (title: string): El[] =>
      [...doc.querySelectorAll('g')].filter((g) => g.querySelector('title')?.textContent?.startsWith(title)).map((g) => g.querySelector('rect')!)
    const [disagree] = segments('Disagree')
    const [agree] = segments('Agree')
    expect(num(disagree, 'x') + num(disagree, 'width')).toBeCloseTo(centre, 0)
    expect(num(agree, 'x')).toBeCloseTo(centre, 0)
    const [neutral] = segments('Neutral')
    expect(num(neutral, 'x') + num(neutral, 'width') / 2).toBeCloseTo(centre, 0)
  })

  it('writes counts in the segments, a legend of the five answers and the statements as text', () => {
    const doc = parse(surveyChart(STATEMENTS))
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toEqual(expect.arrayContaining(['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree']))
    expect(texts).toEqual(expect.arrayContaining(['2', '1']))
    expect(texts).toContain('Collaboration & <b>trust</b>')
    expect(doc.querySelector('b')).toBeNull()
    expect(doc.querySelector('svg')?.getAttribute('role')).toBe('img')
  })

  it('says when a statement has no answers, and draws nothing without statements', () => {
    const doc = parse(surveyChart([statement('Nobody answered this', [0, 0, 0, 0, 0])]))
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('No answers')
    expect(doc.querySelectorAll('g rect')).toHaveLength(0)
    expect(surveyChart([])).toBe('')
  })

  it('is deterministic', () => {
    expect(surveyChart(STATEMENTS)).toBe(surveyChart(structuredClone(STATEMENTS)))
  })
})
