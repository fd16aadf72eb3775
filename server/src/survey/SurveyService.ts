import type { SurveyAnswer, SurveyResults, SurveyState } from '@harvest/shared'
import { DEFAULT_SURVEY, surveyResultsByKind } from '@harvest/shared'
import type { Storage, SurveyAnswerRecord, SurveyRecord } from '../storage/Storage'
import { SerialQueue } from '../SerialQueue'

/** A survey nobody has touched yet: the report's, as a draft. */
export const newSurvey = (): SurveyRecord => ({ definition: structuredClone(DEFAULT_SURVEY), status: 'draft' })

/** The survey as everyone sees it: counts, never who answered. */
export function surveyState(survey: SurveyRecord, answers: readonly SurveyAnswerRecord[]): SurveyState {
  return {
    definition: survey.definition,
    status: survey.status,
    responses: answers.length,
    pilotResponses: answers.filter((a) => a.cityKind === 'pilot').length,
    twinResponses: answers.filter((a) => a.cityKind === 'twin').length,
  }
}

/** The live results: answers stripped of member ids before they are counted. */
export function resultsOf(survey: SurveyRecord, answers: readonly SurveyAnswerRecord[]): SurveyResults {
  return surveyResultsByKind(
    survey.definition,
    answers.map(({ agreements, texts, cityKind }) => ({ agreements, texts, cityKind })),
  )
}

/** What a person sees of their own stored answer. */
export const ownAnswer = ({ agreements, texts }: SurveyAnswerRecord): SurveyAnswer => ({ agreements, texts })

/** A session's survey and its answers, read together. */
export interface SurveySnapshot {
  survey: SurveyRecord
  answers: SurveyAnswerRecord[]
}

/**
 * Reads and changes each session's survey one change at a time, so an answer cannot land after
 * the survey closed and two facilitators' edits cannot interleave. A change that throws saves nothing.
 */
export class SurveyService {
  private queue = new SerialQueue()

  constructor(private storage: Storage) {}

  async read(sessionId: string): Promise<SurveySnapshot> {
    return this.serial(sessionId, () => this.load(sessionId))
  }

  /**
   * Runs `change` on the current survey. It returns the survey to save (or null to keep it) and
   * an answer to save (or null); the snapshot after the change is returned.
   */
  async change(
    sessionId: string,
    change: (current: SurveySnapshot) => { survey?: SurveyRecord; answer?: SurveyAnswerRecord },
  ): Promise<SurveySnapshot> {
    return this.serial(sessionId, async () => {
      const { survey, answer } = change(await this.load(sessionId))
      if (survey) await this.storage.saveSurvey(sessionId, survey)
      if (answer) await this.storage.saveSurveyAnswer(sessionId, answer)
      return this.load(sessionId)
    })
  }

  private async load(sessionId: string): Promise<SurveySnapshot> {
    const [survey, answers] = await Promise.all([this.storage.getSurvey(sessionId), this.storage.listSurveyAnswers(sessionId)])
    return { survey: survey ?? newSurvey(), answers }
  }

  private serial<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(sessionId, task)
  }
}

const services = new WeakMap<Storage, SurveyService>()

/**
 * The one survey service of a store. Keyed by the store rather than kept in the server context,
 * so the handlers and the report's reader share one queue per session without new wiring.
 */
export function surveysOf(storage: Storage): SurveyService {
  let service = services.get(storage)
  if (!service) services.set(storage, (service = new SurveyService(storage)))
  return service
}
