import { z } from 'zod'
import type { CreateSessionResult } from '../api'
import type { Recap } from '../archive'
import { LIMITS } from '../limits'
import { createSessionBody, nonEmpty, trimmed } from '../schemas'
import { ack, defineEvents } from './define'

const end = { needs: 'session:end', denied: 'only a facilitator can end or reopen the session' } as const

/** Events of a session's life: ending it, reopening it, starting the next round from it. */
export const sessionEvents = defineEvents({
  /** Stops every clock, closes open breakout rounds, turns the board read-only for participants and observers. */
  'session:end': { input: z.object({}).strict(), ack: ack<null>(), ...end },
  /** Undoes the end: the board and the links work again; clocks stay stopped until started. */
  'session:reopen': { input: z.object({}).strict(), ack: ack<null>(), ...end },
  /** Creates the next round's session with this one's agenda, cities and storyteller queue; answers with the facilitator's membership there. */
  'session:next': {
    input: z
      .object({
        round: nonEmpty(LIMITS.clusterMax, 'round'),
        title: trimmed(LIMITS.titleMax).optional(),
        date: createSessionBody.shape.date.optional(),
      })
      .strict(),
    ack: ack<CreateSessionResult>(),
    needs: 'session:end',
    denied: 'only a facilitator can start the next round from this session',
  },
  /** The previous round's key insights of this cluster; null when there is no earlier round. */
  'recap:get': { input: z.object({}).strict(), ack: ack<Recap | null>(), needs: 'session:read' },
})
