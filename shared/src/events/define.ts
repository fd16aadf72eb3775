import type { z } from 'zod'
import type { Action } from '../roles'

/**
 * One client event as the server answers it: the payload's schema, the type its
 * acknowledgement carries on success, and the permission the sender's role needs.
 */
export interface EventDefinition {
  input: z.ZodType
  /** A type marker made by `ack<T>()`; only its type is read (see `AckOf`). */
  ack: unknown
  /** Checked by the server's socket wrapper before the handler runs; 'session:read' when every role may send it. */
  needs: Action
  /** What the sender is told when their role lacks `needs`, when it can say more than the default. */
  denied?: string
}

/**
 * The type of an event's acknowledgement, written where the event is defined. Its value is only
 * a marker: what counts is the type `T`, which `AckOf` reads back.
 */
export const ack = <T>(): T => undefined as unknown as T

/** Keeps each definition's exact schema and acknowledgement types, and checks their shape. */
export const defineEvents = <const D extends Record<string, EventDefinition>>(definitions: D): D => definitions

/** The message of a refusal for a role that lacks an event's permission, unless the event says more. */
export const DEFAULT_DENIED = 'your role does not allow this'
