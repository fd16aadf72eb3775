import type { AckOf, ClientEventName, ClientPayload, Identity } from '@harvest/shared'
import { REFUSED_WHEN_ENDED, SESSION_ENDED_MESSAGE } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { assertHoldsLead } from '../control/clockOps'
import type { ControlRecord } from '../storage/Storage'
import type { Handler } from '../realtime/handler'

/** Who acts, and the server's time of the action. */
export interface Actor {
  identity: Identity
  now: number
}

/** A change of session control: works on a copy of the record and returns the acknowledgement's data. */
export type ControlChange<E extends ClientEventName> = (draft: ControlRecord, input: ClientPayload<E>, actor: Actor) => AckOf<E>

/**
 * A handler that changes session control (the wrapper has checked the role): `change` applies
 * to a copy that is saved and broadcast only if nothing was refused.
 */
export function controlHandler<E extends ClientEventName>(event: E, change: ControlChange<E>): Handler<E> {
  return {
    event,
    async run(ctx, socket, input) {
      const identity = socket.data.identity
      const data = await ctx.control.update(identity.sessionId, (draft) => {
        if (REFUSED_WHEN_ENDED.has(event) && draft.state.endedAt !== null) throw new Refusal('conflict', SESSION_ENDED_MESSAGE)
        return change(draft, input, { identity, now: ctx.now() })
      })
      return { ok: true, data }
    },
  }
}

/** Driving the agenda, the clocks and the storytelling also needs the lead, checked against the state being changed. */
export function driving<E extends ClientEventName>(change: ControlChange<E>): ControlChange<E> {
  return (draft, input, actor) => {
    assertHoldsLead(draft.state, actor.identity)
    return change(draft, input, actor)
  }
}
