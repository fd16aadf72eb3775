import { answersAnything } from '@harvest/shared'
import type { AckOf, ClientPayload, SurveyStatus } from '@harvest/shared'
import { Refusal } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { findSessionMember } from '../realtime/sessionPeople'
import { broadcastSurvey } from '../survey/broadcastSurvey'
import type { SurveySnapshot } from '../survey/SurveyService'
import { ownAnswer, resultsOf, surveyState, surveysOf } from '../survey/SurveyService'

const NOT_DRAFT = 'the survey can only be changed before it opens'

function mustBe(snapshot: SurveySnapshot, status: SurveyStatus, message: string): void {
  if (snapshot.survey.status !== status) throw new Refusal('conflict', message)
}

/** The survey events that change only its definition or status, answering with the new state. */
type StatusEvent = 'survey:update' | 'survey:open' | 'survey:close'

/**
 * A facilitator's change to the survey itself: applied one at a time per session, broadcast to
 * everyone, answered with the survey as everyone now sees it.
 */
function surveyChange<E extends StatusEvent>(event: E, change: (current: SurveySnapshot, input: ClientPayload<E>) => Pick<SurveySnapshot, 'survey'>): Handler<E> {
  return {
    event,
    async run(ctx, socket, input) {
      const sessionId = socket.data.identity.sessionId
      const after = await surveysOf(ctx.storage).change(sessionId, (current) => change(current, input))
      await broadcastSurvey(ctx, sessionId, after)
      return { ok: true, data: surveyState(after.survey, after.answers) as AckOf<E> }
    },
  }
}

/** The survey as everyone sees it. */
export const surveyGet: Handler<'survey:get'> = {
  event: 'survey:get',
  async run(ctx, socket) {
    const { survey, answers } = await surveysOf(ctx.storage).read(socket.data.identity.sessionId)
    return { ok: true, data: surveyState(survey, answers) }
  },
}

/** A facilitator rewrites the statements and questions, while nobody can answer yet. */
export const surveyUpdate = surveyChange('survey:update', (current, definition) => {
  mustBe(current, 'draft', NOT_DRAFT)
  return { survey: { ...current.survey, definition } }
})

/** Opens a draft survey for answers; what it asks is fixed from now on. */
export const surveyOpen = surveyChange('survey:open', (current) => {
  mustBe(current, 'draft', current.survey.status === 'open' ? 'the survey is already open' : 'the survey is closed and cannot open again')
  return { survey: { ...current.survey, status: 'open' } }
})

/** Closes an open survey: the answers are final. */
export const surveyClose = surveyChange('survey:close', (current) => {
  mustBe(current, 'open', current.survey.status === 'draft' ? 'the survey has not been opened yet' : 'the survey is already closed')
  return { survey: { ...current.survey, status: 'closed' } }
})

/** A person gives or changes their one answer while the survey is open. */
export const surveyAnswer: Handler<'survey:answer'> = {
  event: 'survey:answer',
  async run(ctx, socket, answer) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name to answer the survey')
    // The stored member, not the one of the handshake: they may have corrected their city kind since.
    const member = await findSessionMember(ctx, identity.sessionId, identity.member.id)
    const after = await surveysOf(ctx.storage).change(identity.sessionId, (current) => {
      mustBe(current, 'open', current.survey.status === 'draft' ? 'the survey is not open yet' : 'the survey is closed: answers can no longer change')
      const { statements, questions } = current.survey.definition
      if (answer.agreements.length !== statements.length || answer.texts.length !== questions.length) {
        throw new Refusal('invalid', 'this answer does not match the survey: reload it and try again')
      }
      if (!answersAnything(answer)) throw new Refusal('invalid', 'pick a point on a statement or write an answer first')
      return { answer: { memberId: member.id, cityKind: member.cityKind, ...answer, answeredAt: ctx.now() } }
    })
    await broadcastSurvey(ctx, identity.sessionId, after)
    return { ok: true, data: { agreements: answer.agreements, texts: answer.texts } }
  },
}

/** This person's own answer, to show it as saved and let them change it. */
export const surveyMine: Handler<'survey:mine'> = {
  event: 'survey:mine',
  async run(ctx, socket) {
    const identity = socket.data.identity
    if (identity.kind !== 'member') return { ok: true, data: null }
    const { answers } = await surveysOf(ctx.storage).read(identity.sessionId)
    const mine = answers.find((a) => a.memberId === identity.member.id)
    return { ok: true, data: mine ? ownAnswer(mine) : null }
  },
}

/** The live results for facilitators, without names. */
export const surveyResults: Handler<'survey:results'> = {
  event: 'survey:results',
  async run(ctx, socket) {
    const { survey, answers } = await surveysOf(ctx.storage).read(socket.data.identity.sessionId)
    return { ok: true, data: resultsOf(survey, answers) }
  },
}
