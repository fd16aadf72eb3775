import type { SurveyAnswer, SurveyDefinition } from '@harvest/shared'
import { send } from '../socket'

/** The feedback survey's commands; socket.ts stores what the server answers. Answering shows its refusal in the form. */
export const survey = {
  update: (definition: SurveyDefinition) => send('survey:update', definition),
  open: () => send('survey:open', {}),
  close: () => send('survey:close', {}),
  answer: (answer: SurveyAnswer) => send('survey:answer', answer, { quiet: true }),
}
