import type { z } from 'zod'
import type { AckFn } from './ack'
import { boardEvents } from './board'
import { breakoutEvents } from './breakouts'
import { controlEvents } from './control'
import { sessionEvents } from './session'
import { surveyEvents } from './survey'

/**
 * Every client-to-server socket event, each defined once with its payload schema, its
 * acknowledgement and the permission it needs. Every type below is derived from this table.
 */
export const clientEvents = { ...controlEvents, ...boardEvents, ...breakoutEvents, ...surveyEvents, ...sessionEvents } as const

/** Names of the events a client may send. */
export type ClientEventName = keyof typeof clientEvents

/** The validated payload of a client event. */
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['input']>

/** What a client event's acknowledgement carries on success. */
export type AckOf<E extends ClientEventName> = (typeof clientEvents)[E]['ack']

/** Events the client sends, as socket.io's typed sockets take them. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: AckFn<AckOf<E>>) => void
}

/** The runtime schema of every client event, by name; the server validates each one. */
export const clientEventSchemas = Object.fromEntries(
  Object.entries(clientEvents).map(([event, definition]) => [event, definition.input]),
) as { [E in ClientEventName]: (typeof clientEvents)[E]['input'] }
