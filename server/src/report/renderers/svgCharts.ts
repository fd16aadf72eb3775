import type { SurveyStatement, TimeRow } from '@harvest/shared'
import { escapeHtml as esc } from './escape'
import { LIKERT_LABELS, minutes, signedMinutes } from './reportText'

/**
 * Inline SVG charts for the report. Each is one string with its own fonts, colours and an
 * accessible title and description, so it reads the same inside the HTML page, in its PDF or
 * saved alone. Coordinates are rounded to one decimal, so the same report gives the same bytes.
 */

// Narrower than the page's column, so the browser scales the chart's text up to about body size.
const WIDTH = 640
const FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#1d2433"'
const TEXT_DARK = '#1d2433'

/** A coordinate with one decimal at most. */
const n = (value: number): string => String(Math.round(value * 10) / 10)

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(height)}" fill="${fill}"/>`
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(content)}</text>`
}

function svg(id: string, height: number, title: string, desc: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" ${FONT}>`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<desc id="${id}-desc">${esc(desc)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n')
}

function legend(x: number, y: number, items: { label: string; fill: string }[], slot: number): string[] {
  return items.flatMap((item, i) => [rect(x + i * slot, y - 10, 12, 12, item.fill), text(x + i * slot + 18, y, item.label)])
}

/** Shortens a label that would run into the bars; the full text stays in the row's <title>. */
function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`
}

const PLANNED = '#b8c2cc'
const ACTUAL = '#2f6f9f'
const OVERTIME = '#c2410c'

/**
 * Horizontal bars of planned and actual minutes per agenda item and story, the minutes beyond
 * the plan in a colour of their own. Empty string when nothing was timed.
 */
export function timekeepingChart(rows: TimeRow[]): string {
  if (rows.length === 0) return ''
  const barsWidth = 470
  const pitch = 50
  const top = 30
  const scale = barsWidth / Math.max(1, ...rows.flatMap((r) => [r.plannedMinutes, r.actualMinutes]))
  const body = legend(0, 14, [{ label: 'Planned', fill: PLANNED }, { label: 'Actual', fill: ACTUAL }, { label: 'Beyond the plan', fill: OVERTIME }], 110)
  rows.forEach((row, i) => {
    // The title sits above its bars, so a long agenda item keeps its whole name.
    const y = top + i * pitch
    const x = row.kind === 'story' ? 16 : 0
    const onPlan = Math.min(row.actualMinutes, row.plannedMinutes) * scale
    const over = Math.max(0, row.actualMinutes - row.plannedMinutes) * scale
    const end = x + Math.max(row.plannedMinutes, row.actualMinutes) * scale
    const value = `${minutes(row.actualMinutes)} of ${minutes(row.plannedMinutes)} min (${signedMinutes(row.overMinutes)})`
    body.push(
      '<g>',
      `<title>${esc(`${row.title}: planned ${minutes(row.plannedMinutes)} min, actual ${minutes(row.actualMinutes)} min`)}</title>`,
      text(x, y + 13, clip(row.kind === 'story' ? `↳ ${row.title}` : row.title, 90), row.kind === 'story' ? 'fill="#5b6573"' : ''),
      rect(x, y + 19, row.plannedMinutes * scale, 10, PLANNED),
      rect(x, y + 31, onPlan, 10, ACTUAL),
      ...(over > 0 ? [rect(x + onPlan, y + 31, over, 10, OVERTIME)] : []),
      text(end + 6, y + 36, value, `font-size="12"${row.overMinutes > 0 ? ` fill="${OVERTIME}" font-weight="bold"` : ''}`),
      '</g>',
    )
  })
  const desc = rows.map((r) => `${r.title}: planned ${minutes(r.plannedMinutes)}, actual ${minutes(r.actualMinutes)} minutes`).join('; ')
  return svg('timekeeping-chart', top + rows.length * pitch, 'Timekeeping: planned and actual minutes per agenda item and story', desc, body)
}

const LIKERT_FILLS = ['#b2182b', '#ef8a62', '#d4d4d4', '#67a9cf', '#2166ac'] as const
const LIKERT_INK = ['#ffffff', TEXT_DARK, TEXT_DARK, TEXT_DARK, '#ffffff'] as const

/** Breaks a statement into lines that fit the chart's width, at spaces. */
function wrap(label: string, max: number): string[] {
  const lines: string[] = []
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length > 0 ? lines : ['']
}

/**
 * A diverging stacked bar per agreement statement, centred on neutral, as Likert answers are
 * usually shown: disagreement to the left, agreement to the right, counts inside the segments
 * wide enough to hold them, and a legend of the five answers. Empty string without statements.
 */
export function surveyChart(statements: SurveyStatement[]): string {
  if (statements.length === 0) return ''
  const centre = WIDTH / 2
  const half = WIDTH / 2 - 10
  const barHeight = 22
  const share = (s: SurveyStatement, count: number): number => (s.answered > 0 ? count / s.answered : 0)
  const sides = statements.flatMap((s) => [
    share(s, s.counts[0] + s.counts[1] + s.counts[2] / 2),
    share(s, s.counts[4] + s.counts[3] + s.counts[2] / 2),
  ])
  // Scale to the widest side, but never so far that one answer of two fills the chart.
  const scale = half / Math.max(0.5, ...sides)
  const body: string[] = []
  let y = 4
  for (const statement of statements) {
    const lines = wrap(statement.text, 88)
    lines.forEach((line, i) => body.push(text(0, y + 13 + i * 16, line, 'font-weight="bold"')))
    y += lines.length * 16 + 5
    if (statement.answered === 0) {
      body.push(text(centre, y + 15, 'No answers', 'text-anchor="middle" fill="#5b6573"'))
    } else {
      const widths = statement.counts.map((count) => share(statement, count) * scale)
      const [sd = 0, d = 0, neutral = 0, a = 0] = widths
      const starts = [centre - neutral / 2 - d - sd, centre - neutral / 2 - d, centre - neutral / 2, centre + neutral / 2, centre + neutral / 2 + a]
      statement.counts.forEach((count, i) => {
        const width = widths[i] ?? 0
        const x = starts[i] ?? 0
        if (count === 0) return
        body.push(`<g><title>${esc(`${LIKERT_LABELS[i]}: ${count}`)}</title>${rect(x, y, width, barHeight, LIKERT_FILLS[i] ?? PLANNED)}</g>`)
        if (width >= 18) body.push(text(x + width / 2, y + 15, String(count), `text-anchor="middle" font-weight="bold" fill="${LIKERT_INK[i]}"`))
      })
    }
    body.push(`<line x1="${n(centre)}" y1="${n(y - 3)}" x2="${n(centre)}" y2="${n(y + barHeight + 3)}" stroke="#5b6573" stroke-dasharray="3 2"/>`)
    y += barHeight + 16
  }
  body.push(...legend(0, y + 12, LIKERT_LABELS.map((label, i) => ({ label, fill: LIKERT_FILLS[i] ?? PLANNED })), 128))
  const desc = statements.map((s) => `${s.text}: ${s.counts.map((c, i) => `${LIKERT_LABELS[i]} ${c}`).join(', ')}`).join('; ')
  return svg('survey-chart', y + 22, 'Agreement with the survey statements, from strongly disagree to strongly agree', desc, body)
}
