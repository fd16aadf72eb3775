import { stringify } from 'csv-stringify/sync'
import { AGREEMENT_LABELS } from '@harvest/shared'
import { csvInert } from '../report/csvInert'
import type { SurveyAnswerRecord, SurveyRecord } from '../storage/Storage'

const CITY_KIND_LABELS = { pilot: 'Pilot city', twin: 'Twin city' } as const

/**
 * Every survey answer, one row each, in the order first given: a running number, the city kind,
 * the point chosen on each statement and the text of each open question. No name, member id or
 * city: the number only tells rows apart. Headers are the facilitator's own words, so they pass
 * through csvInert like every cell; BOM and CRLF are what Excel needs to read UTF-8.
 */
export function surveyCsv(survey: SurveyRecord, answers: readonly SurveyAnswerRecord[]): string {
  const { statements, questions } = survey.definition
  const header = ['Response', 'City kind', ...statements, ...questions]
  const rows = answers.map((answer, i) => [
    String(i + 1),
    answer.cityKind ? CITY_KIND_LABELS[answer.cityKind] : '',
    ...statements.map((_, s) => {
      const point = answer.agreements[s]
      return point === null || point === undefined ? '' : AGREEMENT_LABELS[point]
    }),
    ...questions.map((_, q) => answer.texts[q] ?? ''),
  ])
  return stringify(
    [header, ...rows].map((row) => row.map(csvInert)),
    // Quoting every non-empty cell keeps line breaks inside an answer (see the report's CSV).
    { bom: true, record_delimiter: 'windows', quoted: true },
  )
}
