import type { Ack, AckOf, ClientEventName, ClientPayload, EventDefinition } from '@harvest/shared'
import { DEFAULT_DENIED, REFUSED_WHEN_ENDED, SESSION_ENDED_MESSAGE, can, clientEvents, describeIssues, isEnded } from '@harvest/shared'
import { Refusal } from '../Refusal'
import type { IoSocket, ServerContext } from '../context'
import type { RateLimit } from './RateLimit'

/**
 * One socket event: the wrapper validates it and checks the permission its definition needs;
 * `run` checks what depends on the state (the lead, ownership), changes state and broadcasts.
 */
export interface Handler<E extends ClientEventName> {
  event: E
  run(ctx: ServerContext, socket: IoSocket, input: ClientPayload<E>): Promise<Ack<AckOf<E>>>
}

type Reply = (response: Ack<unknown>) => void

/**
 * The payload and the acknowledgement callback of what a client sent. The callback is the last
 * argument whatever comes before it, as socket.io passes it: a client that sent only a callback,
 * or something extra before it, still gets an answer.
 */
export function readArguments(args: readonly unknown[]): { raw: unknown; reply: Reply } {
  const last = args.at(-1)
  const reply = typeof last === 'function' ? (last as Reply) : () => {}
  const raw = typeof args[0] === 'function' ? undefined : args[0]
  return { raw, reply }
}

/**
 * Answers one event with its handler: rate limit, then the payload's schema, then the
 * permission its definition needs. Whatever arrives (wrong shape, no callback, a throwing
 * handler) the server stays up and the sender gets an acknowledgement it can show.
 */
export async function handle<E extends ClientEventName>(ctx: ServerContext, socket: IoSocket, handler: Handler<E>, limit: RateLimit, args: readonly unknown[]): Promise<void> {
  const definition = clientEvents[handler.event]
  const { raw, reply } = readArguments(args)
  if (!limit.take()) return reply({ ok: false, error: 'rate_limited', message: 'too many requests at once: wait a moment and try again' })
  const input = definition.input.safeParse(raw)
  if (!input.success) return reply({ ok: false, error: 'invalid', message: describeIssues(input.error) })
  if (!can(socket.data.identity.role, definition.needs)) {
    return reply({ ok: false, error: 'forbidden', message: (definition as EventDefinition).denied ?? DEFAULT_DENIED })
  }
  try {
    // Checked again inside control changes (controlHandler), where it cannot race the end itself.
    if (REFUSED_WHEN_ENDED.has(handler.event) && isEnded((await ctx.control.read(socket.data.identity.sessionId)).state)) {
      return reply({ ok: false, error: 'conflict', message: SESSION_ENDED_MESSAGE })
    }
    reply(await handler.run(ctx, socket, input.data as ClientPayload<E>))
  } catch (error) {
    if (error instanceof Refusal) return reply({ ok: false, error: error.code, message: error.message })
    console.error(`[socket] ${handler.event} failed`, error)
    reply({ ok: false, error: 'internal', message: 'the server could not complete this; nothing was changed' })
  }
}

/** A refusal acknowledgement. */
export const refuse = (error: Exclude<Ack<never>, { ok: true }>['error'], message: string) =>
  ({ ok: false, error, message }) as const
