import { z } from 'zod'
import type { SurveyAnswer, SurveyResults, SurveyState } from '../survey'
import { SURVEY_LIMITS } from '../survey'
import { nonEmpty } from '../schemas'
import { ack, defineEvents } from './define'

const items = (what: string) => z.array(nonEmpty(SURVEY_LIMITS.textMax, what)).max(SURVEY_LIMITS.itemsMax)

const manage = { needs: 'survey:manage', denied: 'only a facilitator can change, open or close the survey' } as const
const answer = { needs: 'survey:answer', denied: 'only participants and harvesters answer the survey' } as const

/** Events of the feedback survey: facilitators edit, open and close it; participants answer once each. */
export const surveyEvents = defineEvents({
  /** The survey as everyone sees it; the client asks on every connect. */
  'survey:get': { input: z.object({}).strict(), ack: ack<SurveyState>(), needs: 'session:read' },
  /** Replaces what the survey asks; only while it is a draft. */
  'survey:update': {
    input: z
      .object({ statements: items('statement'), questions: items('question') })
      .strict()
      .refine((d) => d.statements.length + d.questions.length > 0, 'the survey needs a statement or a question'),
    ack: ack<SurveyState>(),
    ...manage,
  },
  'survey:open': { input: z.object({}).strict(), ack: ack<SurveyState>(), ...manage },
  'survey:close': { input: z.object({}).strict(), ack: ack<SurveyState>(), ...manage },
  /** This person's answer, given or changed; positions follow the survey's statements and questions. */
  'survey:answer': {
    input: z
      .object({
        agreements: z.array(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()])).max(SURVEY_LIMITS.itemsMax),
        texts: z.array(z.string().trim().max(SURVEY_LIMITS.answerTextMax)).max(SURVEY_LIMITS.itemsMax),
      })
      .strict(),
    ack: ack<SurveyAnswer>(),
    ...answer,
  },
  /** This person's own answer, or null before they gave one. */
  'survey:mine': { input: z.object({}).strict(), ack: ack<SurveyAnswer | null>(), ...answer },
  /** The live results, without names. */
  'survey:results': { input: z.object({}).strict(), ack: ack<SurveyResults>(), ...manage },
})
