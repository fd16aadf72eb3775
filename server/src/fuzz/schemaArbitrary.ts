import fc from 'fast-check'
import { PROTOTYPE_KEYS } from './prototypeKeys'

type Def = { type: string; checks?: Array<{ _zod: { def: Record<string, unknown> } }>; [key: string]: unknown }

const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } })?._zod?.def ?? null
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def)
const bound = (def: Def, check: string, key: 'minimum' | 'maximum' | 'value') => checksOf(def).find((c) => c.check === check)?.[key] as number | undefined

/**
 * Values that a zod schema (as the shared event table defines payloads) mostly accepts, so
 * generated cases get past validation into the handlers, where a client's ids and keys are
 * looked up. Strings include prototype names, the keys a plain-object lookup answers for.
 * Schemas it does not know give arbitrary small values.
 */
export function arbitraryOf(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (!def || depth > 6) return fc.anything({ maxDepth: 1 })
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      const keys = Object.keys(shape)
      const required = keys.filter((key) => !['optional', 'default'].includes(defOf(shape[key])?.type ?? ''))
      return fc.record(Object.fromEntries(keys.map((key) => [key, arbitraryOf(shape[key], depth + 1)])), { requiredKeys: required })
    }
    case 'string': {
      const min = bound(def, 'min_length', 'minimum') ?? 0
      const max = Math.min(bound(def, 'max_length', 'maximum') ?? 40, 60)
      return fc.oneof(
        { weight: 3, arbitrary: fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, Math.min(max, 40)) }) },
        { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
        { weight: 1, arbitrary: fc.uuid() },
      )
    }
    case 'number': {
      const min = bound(def, 'greater_than', 'value') ?? -1_000
      const max = bound(def, 'less_than', 'value') ?? 100_000
      const int = checksOf(def).some((c) => c.check === 'number_format' && String(c.format).includes('int'))
      return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array': {
      const max = Math.min(bound(def, 'max_length', 'maximum') ?? 4, 6)
      return fc.array(arbitraryOf(def.element, depth + 1), { maxLength: max, minLength: Math.min(max, bound(def, 'min_length', 'minimum') ?? 0) })
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => arbitraryOf(item, depth + 1)))
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTOTYPE_KEYS)), arbitraryOf(def.valueType, depth + 1), { maxKeys: 3 })
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return arbitraryOf(def.innerType, depth)
    case 'nullable':
      return fc.oneof(arbitraryOf(def.innerType, depth), fc.constant(null))
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => arbitraryOf(option, depth)))
    case 'pipe':
      return arbitraryOf(def.in, depth)
    case 'lazy':
      return arbitraryOf((def.getter as () => unknown)(), depth + 1)
    default:
      return fc.anything({ maxDepth: 1 })
  }
}
