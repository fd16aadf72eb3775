import { controlHandler } from './controlHandler'

/** The facilitator shares the report with everyone in the session, or takes the share back. */
export const reportShare = controlHandler('report:share', ({ state }, { shared }) => {
  state.reportShared = shared
  return null
})
