import type { Action, ClientEventName, ClientPayload, Identity } from '@harvest/shared'
import { can } from '@harvest/shared'
import { assertCanDrive } from '../control/clockOps'
import { Refusal } from '../control/Refusal'
import type { ControlRecord } from '../storage/Storage'
import type { AckData, Handler } from '../realtime/handler'

/** Who acts, and the server's time of the action. */
export interface Actor {
  identity: Identity
  now: number
}

/** Which rule guards a control event: a permission from the table, or driving (role plus lead). */
export type ControlRule = { action: Action } | 'drive'

/** Refuses unless the actor's role may perform the action. */
export function assertCan(identity: Identity, action: Action, message: string): void {
  if (!can(identity.role, action)) throw new Refusal('forbidden', message)
}

/**
 * A handler that changes session control: it checks the rule against the current state, then
 * applies `change` to a copy that is saved and broadcast only if nothing was refused.
 */
export function controlHandler<E extends ClientEventName>(
  event: E,
  rule: ControlRule,
  change: (draft: ControlRecord, input: ClientPayload<E>, actor: Actor) => AckData<E>,
): Handler<E> {
  return {
    event,
    async run(ctx, socket, input) {
      const identity = socket.data.identity
      const data = await ctx.control.update(identity.sessionId, (draft) => {
        if (rule === 'drive') assertCanDrive(draft.state, identity)
        else assertCan(identity, rule.action, 'your role does not allow this')
        return change(draft, input, { identity, now: ctx.now() })
      })
      return { ok: true, data }
    },
  }
}
