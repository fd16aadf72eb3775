import type { z } from 'zod'
import { boardEventSchemas } from './boardEvents'
import { breakoutEventSchemas } from './breakoutEvents'
import { controlEventSchemas } from './controlEvents'

/** The runtime schema of every client-to-server socket event; the server validates each one. */
export const clientEventSchemas = { ...controlEventSchemas, ...boardEventSchemas, ...breakoutEventSchemas } as const

/** Names of the events a client may send. */
export type ClientEventName = keyof typeof clientEventSchemas

/** The validated payload of a client event. */
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>
