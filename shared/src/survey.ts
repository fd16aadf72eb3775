import type { ReportSurvey, SurveyStatement } from './report/report'
import type { CityKind } from './roles'

/** Where a session's feedback survey stands: edited while draft, answered while open, final once closed. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const

/** One of SURVEY_STATUSES. */
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]

/** What the survey asks: agreement statements on a 5-point scale, then open questions. */
export interface SurveyDefinition {
  statements: string[]
  questions: string[]
}

/** The five points of the agreement scale, in the order of an answer's values (0 … 4). */
export const AGREEMENT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const

/** A point on the agreement scale: an index into AGREEMENT_LABELS. */
export type Agreement = 0 | 1 | 2 | 3 | 4

/** Below this many answers only counts are shown: a share of two people says little and may identify them. */
export const SURVEY_MIN_ANSWERS = 3

/** How far the survey can grow, so one definition or answer stays a small message. */
export const SURVEY_LIMITS = {
  itemsMax: 10,
  textMax: 200,
  answerTextMax: 2000,
} as const

/** The survey of the D4.5 report's section 5, which every session starts with. */
export const DEFAULT_SURVEY: SurveyDefinition = {
  statements: [
    'I left the session with new insights I can act on',
    'Collective sensemaking enhanced my collaboration with other cities',
    'The session helped me prepare my reporting',
  ],
  questions: [
    'What was the highlight of the session for you?',
    'What could we improve?',
    'What further support do you need?',
  ],
}

/** One person's answer as they see and send it: a point (or none) per statement, a text per question. */
export interface SurveyAnswer {
  agreements: (Agreement | null)[]
  texts: string[]
}

/** An answer as the results count it: without a name, with the answerer's city kind. */
export interface CountedAnswer extends SurveyAnswer {
  cityKind: CityKind | null
}

/** The survey as everyone in the session sees it: what it asks, where it stands, how many answered. */
export interface SurveyState {
  definition: SurveyDefinition
  status: SurveyStatus
  responses: number
  pilotResponses: number
  twinResponses: number
}

/** Live results for facilitators: all answers, and the pilot and twin cities' apart. */
export interface SurveyResults {
  all: ReportSurvey
  pilot: ReportSurvey
  twin: ReportSurvey
}

function statementCounts(text: string, index: number, answers: readonly CountedAnswer[]): SurveyStatement {
  const counts: SurveyStatement['counts'] = [0, 0, 0, 0, 0]
  for (const answer of answers) {
    const point = answer.agreements[index]
    if (point !== null && point !== undefined) counts[point] += 1
  }
  const answered = counts.reduce((sum, count) => sum + count, 0)
  return { text, counts, answered, agreed: counts[3] + counts[4] }
}

/**
 * The results as the report writes them ("13 of 33 agreed or strongly agreed"): per statement
 * the count of each point and of those who answered it (a person may skip a statement), and
 * per question the non-blank answers with the answerer's city kind, in the order given.
 */
export function surveyResults(definition: SurveyDefinition, answers: readonly CountedAnswer[]): ReportSurvey {
  return {
    responses: answers.length,
    pilotResponses: answers.filter((a) => a.cityKind === 'pilot').length,
    twinResponses: answers.filter((a) => a.cityKind === 'twin').length,
    statements: definition.statements.map((text, i) => statementCounts(text, i, answers)),
    questions: definition.questions.map((text, i) => ({
      text,
      answers: answers.flatMap((a) => {
        const written = a.texts[i]?.trim() ?? ''
        return written ? [{ text: written, cityKind: a.cityKind }] : []
      }),
    })),
  }
}

/** The results of all answers and of the pilot and twin cities' apart. */
export function surveyResultsByKind(definition: SurveyDefinition, answers: readonly CountedAnswer[]): SurveyResults {
  return {
    all: surveyResults(definition, answers),
    pilot: surveyResults(definition, answers.filter((a) => a.cityKind === 'pilot')),
    twin: surveyResults(definition, answers.filter((a) => a.cityKind === 'twin')),
  }
}

/** Whether there are enough answers to show shares, a chart and the open answers. */
export const surveyIsShown = (results: ReportSurvey): boolean => results.responses >= SURVEY_MIN_ANSWERS

/** "13 of 33 agreed or strongly agreed", as the D4.5 report counts agreement. */
export const agreedText = (statement: SurveyStatement): string => `${statement.agreed} of ${statement.answered} agreed or strongly agreed`

/** Whether an answer says anything: a point on some statement or a non-blank text. */
export const answersAnything = (answer: SurveyAnswer): boolean =>
  answer.agreements.some((point) => point !== null) || answer.texts.some((text) => text.trim() !== '')
