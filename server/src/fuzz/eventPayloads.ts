import fc from 'fast-check'
import { clientEvents, type ClientEventName } from '@harvest/shared'

import { PROTOTYPE_KEYS } from './prototypeKeys'
import { arbitraryOf } from './schemaArbitrary'

export { PROTOTYPE_KEYS }

export const EVENT_NAMES = Object.keys(clientEvents) as ClientEventName[]

/** The field names an event's schema knows, read from the zod schema, so generated payloads come near the valid ones. */
export function schemaKeys(schema: unknown, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return []
  seen.add(schema)
  const keys: string[] = []
  const shape = (schema as { shape?: unknown }).shape
  if (shape && typeof shape === 'object') {
    for (const [key, inner] of Object.entries(shape)) keys.push(key, ...schemaKeys(inner, seen))
  }
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def
  if (def) {
    for (const part of [def.innerType, def.in, def.out, def.element, def.schema, def.left, def.right, def.valueType]) keys.push(...schemaKeys(part, seen))
    if (Array.isArray(def.options)) for (const option of def.options) keys.push(...schemaKeys(option, seen))
  }
  return [...new Set(keys)]
}

const ALL_KEYS = [...new Set(EVENT_NAMES.flatMap((event) => schemaKeys(clientEvents[event].input)))]

/** Nested arrays or objects `depth` levels deep. */
export function nested(depth: number, object: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = object ? { k: value } : [value]
  return value
}

/** Plausible values: what the schemas expect, near misses, and wrong types. */
const plausible = fc.oneof(
  fc.constantFrom('plenary', 'insight', 'idea', 'finance', 'Ghent', 'pilot', 'participant', 'observer', 'harvester', 'facilitator', 'start', 'pause', 'open', ''),
  fc.string({ maxLength: 40 }),
  fc.uuid(),
  fc.integer({ min: -5, max: 200 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('finance', 'governance', 'buildings')), { maxLength: 4 }),
  fc.constantFrom(...PROTOTYPE_KEYS),
)

const keyOf = (known: readonly string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(known.length > 0 ? known : ALL_KEYS)) }, { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_KEYS) })

/** An object whose own keys may include `__proto__` (as JSON.parse makes them on the server). */
const objectOf = (entries: Array<[string, unknown]>) => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}

/**
 * A payload for `event`: near-valid objects, prototype keys, wrong types, huge strings, deep
 * nesting, binary. Huge strings stay under the server's 64 KB socket message limit, beyond which
 * socket.io closes the connection before any handler could answer.
 */
export function payloadFor(event: ClientEventName): fc.Arbitrary<unknown> {
  const known = schemaKeys(clientEvents[event].input)
  const value = fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: fc.dictionary(keyOf(known), plausible, { maxKeys: 3 }) })
  // Mostly near-valid: what the schema takes, sometimes with one thing wrong, so cases reach the handlers.
  const nearValid = fc
    .tuple(arbitraryOf(clientEvents[event].input), fc.constantFrom('as is', 'as is', 'as is', 'extra key', 'prototype value', 'prototype key', 'wrong type'), keyOf(known), plausible)
    .map(([base, change, key, other]) => {
      if (!base || typeof base !== 'object' || Array.isArray(base) || change === 'as is') return base
      const entries = Object.entries(base)
      const target = entries.length > 0 ? entries[Math.abs(JSON.stringify(other)?.length ?? 0) % entries.length]![0] : key
      if (change === 'extra key') return objectOf([...entries, [key, other]])
      if (change === 'prototype key') return objectOf([...entries, [PROTOTYPE_KEYS[target.length % PROTOTYPE_KEYS.length]!, other]])
      if (change === 'prototype value') return objectOf(entries.map(([k, v]) => [k, k === target ? PROTOTYPE_KEYS[k.length % PROTOTYPE_KEYS.length]! : v]))
      return objectOf(entries.map(([k, v]) => [k, k === target ? other : v]))
    })
  return fc.oneof(
    { weight: 30, arbitrary: nearValid },
    { weight: 6, arbitrary: fc.array(fc.tuple(keyOf(known), value), { maxLength: 6 }).map(objectOf) },
    { weight: 3, arbitrary: fc.anything({ maxDepth: 3, key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_KEYS)) }) },
    { weight: 2, arbitrary: plausible },
    { weight: 1, arbitrary: fc.tuple(keyOf(known), fc.integer({ min: 10_000, max: 30_000 })).map(([key, size]) => objectOf([[key, 'x'.repeat(size)]])) },
    { weight: 1, arbitrary: fc.tuple(keyOf(known), fc.integer({ min: 50, max: 1_500 }), fc.boolean()).map(([key, depth, object]) => objectOf([[key, nested(depth, object)]])) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, {}, [], 0, '', true) },
  )
}

/** How the arguments are laid out: the payload alone, none, extra arguments before or after it. */
export type Layout = 'payload' | 'none' | 'extraAfter' | 'extraBefore' | 'many'

export const layoutArb: fc.Arbitrary<Layout> = fc.constantFrom('payload', 'payload', 'payload', 'none', 'extraAfter', 'extraBefore', 'many')

export function argumentsOf(layout: Layout, payload: unknown, extra: unknown): unknown[] {
  switch (layout) {
    case 'payload': return [payload]
    case 'none': return []
    case 'extraAfter': return [payload, extra]
    case 'extraBefore': return [extra, payload]
    case 'many': return [payload, extra, extra, payload]
  }
}

/** One generated socket case. */
export interface EventCase {
  event: ClientEventName
  args: unknown[]
  withAck: boolean
}

export const eventCaseArb: fc.Arbitrary<EventCase> = fc
  .constantFrom(...EVENT_NAMES)
  .chain((event) => fc.record({ event: fc.constant(event), layout: layoutArb, payload: payloadFor(event), extra: plausible, withAck: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }))
  .map(({ event, layout, payload, extra, withAck }) => ({ event, args: argumentsOf(layout, payload, extra), withAck }))
