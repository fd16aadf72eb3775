import type { Ack, ClientEventName, ClientPayload, ClientToServerEvents } from '@harvest/shared'
import { clientEventSchemas, describeIssues } from '@harvest/shared'
import { Refusal } from '../control/Refusal'
import type { IoSocket, ServerContext } from './context'
import type { RateLimit } from './RateLimit'

/** The result type a client event acknowledges with. */
export type AckData<E extends ClientEventName> =
  Parameters<ClientToServerEvents[E]>[1] extends (response: Ack<infer T>) => void ? T : never

/** One socket event: the wrapper validates it; `run` checks the role, changes state and broadcasts. */
export interface Handler<E extends ClientEventName> {
  event: E
  run(ctx: ServerContext, socket: IoSocket, input: ClientPayload<E>): Promise<Ack<AckData<E>>>
}

type LooseSocket = { on(event: string, listener: (...args: unknown[]) => void): void }

/**
 * Binds a handler to a socket. Whatever arrives (wrong shape, no callback, a throwing handler)
 * the server stays up and the sender gets an acknowledgement it can show.
 */
export function register<E extends ClientEventName>(ctx: ServerContext, socket: IoSocket, handler: Handler<E>, limit: RateLimit): void {
  ;(socket as unknown as LooseSocket).on(handler.event, async (raw, ack) => {
    const reply = typeof ack === 'function' ? (ack as (response: Ack<unknown>) => void) : () => {}
    if (!limit.take()) return reply({ ok: false, error: 'rate_limited', message: 'too many requests at once: wait a moment and try again' })
    const input = clientEventSchemas[handler.event].safeParse(raw)
    if (!input.success) return reply({ ok: false, error: 'invalid', message: describeIssues(input.error) })
    try {
      reply(await handler.run(ctx, socket, input.data as ClientPayload<E>))
    } catch (error) {
      if (error instanceof Refusal) return reply({ ok: false, error: error.code, message: error.message })
      console.error(`[socket] ${handler.event} failed`, error)
      reply({ ok: false, error: 'internal', message: 'the server could not complete this; nothing was changed' })
    }
  })
}

/** A refusal acknowledgement. */
export const refuse = (error: Exclude<Ack<never>, { ok: true }>['error'], message: string) =>
  ({ ok: false, error, message }) as const
