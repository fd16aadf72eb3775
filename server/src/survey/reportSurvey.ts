import type { ReportSurvey } from '@harvest/shared'
import { surveyResults } from '@harvest/shared'
import type { Storage } from '../storage/Storage'
import { surveysOf } from './SurveyService'

/**
 * The survey's part of the Harvest Report: its results without names, or null when the survey
 * was never opened (a draft asked nobody, so the report has no survey section).
 */
export async function reportSurvey(storage: Storage, sessionId: string): Promise<ReportSurvey | null> {
  const { survey, answers } = await surveysOf(storage).read(sessionId)
  if (survey.status === 'draft') return null
  return surveyResults(survey.definition, answers.map(({ agreements, texts, cityKind }) => ({ agreements, texts, cityKind })))
}
