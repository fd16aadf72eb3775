import { Paragraph } from 'docx'
import { ChartRun } from 'docx/charts'
import type { SurveyStatement, TimeRow } from '@harvest/shared'
import { LIKERT_LABELS } from './reportText'

// Disagreement in warm tones, agreement in blues, neutral grey: the diverging scale readers know
// from survey charts, and still tellable apart when printed in grey.
const ANSWER_COLORS = ['C0504D', 'E6A19E', 'BFBFBF', '9DC3E6', '2E75B6'] as const

/** Pixels Word gives the chart: the text width of an A4 page with 2.5 cm margins. */
const WIDTH = 600
const FONT = { name: 'Calibri' }

// ChartRun refuses a value that isn't a finite number; a gap in one bar beats no document at all.
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null)

/**
 * Planned against actual minutes of every agenda item and story, as a native Word bar chart: Word
 * draws it from data kept in the document, so "Edit Data" opens the numbers in Excel.
 */
export function timekeepingChart(rows: TimeRow[]): Paragraph {
  return new Paragraph({
    spacing: { before: 240 },
    children: [
      new ChartRun({
        type: 'bar',
        title: { text: 'Planned and actual minutes', font: { size: 12 } },
        font: FONT,
        categories: rows.map((r) => r.title),
        series: [
          { name: 'Planned', values: rows.map((r) => finite(r.plannedMinutes)), color: 'A6BDD7' },
          { name: 'Actual', values: rows.map((r) => finite(r.actualMinutes)), color: '1F4E79' },
        ],
        // Word draws a bar chart's first category at the bottom; reversed, it reads top-down like the table,
        // and the value axis crosses at the last category to stay at the bottom.
        categoryAxis: { reverseOrder: true },
        valueAxis: { title: 'Minutes', minimum: 0, numberFormat: '0', crossesAt: 'maximum' },
        // Past a dozen rows the labels crowd each other out; the table above has every number.
        ...(rows.length <= 12 ? { dataLabels: { value: true, position: 'outsideEnd' as const } } : {}),
        gapWidth: 60,
        legend: { position: 'bottom' },
        transformation: { width: WIDTH, height: Math.min(900, 110 + rows.length * 44) },
      }),
    ],
  })
}

/** Every statement's answers as stacked bars, strongly disagree to strongly agree. */
export function surveyChart(statements: SurveyStatement[]): Paragraph {
  return new Paragraph({
    spacing: { before: 240 },
    children: [
      new ChartRun({
        type: 'bar',
        stacking: 'stacked',
        title: { text: 'Answers to the statements', font: { size: 12 } },
        font: FONT,
        categories: statements.map((s) => s.text),
        series: LIKERT_LABELS.map((name, i) => {
          const values = statements.map((s) => finite(s.counts[i] ?? 0))
          return {
            name,
            values,
            color: ANSWER_COLORS[i],
            // A zero would print a stray "0" on a bar of no width.
            pointLabels: values.map((v) => (v === 0 ? false : undefined)),
          }
        }),
        categoryAxis: { reverseOrder: true },
        valueAxis: { title: 'Answers', minimum: 0, maximum: Math.max(1, ...statements.map((s) => finite(s.answered) ?? 0)), numberFormat: '0', crossesAt: 'maximum' },
        dataLabels: { value: true, position: 'center' },
        gapWidth: 50,
        legend: { position: 'bottom' },
        transformation: { width: WIDTH, height: Math.min(900, 140 + statements.length * 60) },
      }),
    ],
  })
}
