import { can } from '@harvest/shared'
import type { ServerContext } from '../context'
import { sessionRoom } from '../context'
import { sessionSockets } from '../realtime/broadcast'
import type { SurveySnapshot } from './SurveyService'
import { resultsOf, surveyState } from './SurveyService'

/** Tells everyone the survey's public state, and only those who manage it the results. */
export async function broadcastSurvey(ctx: ServerContext, sessionId: string, { survey, answers }: SurveySnapshot): Promise<void> {
  ctx.io.to(sessionRoom(sessionId)).emit('survey:state', surveyState(survey, answers))
  const managers = await sessionSockets(ctx, sessionId, (s) => can(s.data.identity.role, 'survey:manage'))
  if (managers.length === 0) return
  const results = resultsOf(survey, answers)
  for (const socket of managers) socket.emit('survey:results', results)
}
