import * as Y from 'yjs'

/**
 * One field of a record in a shared document. A shared document takes whatever any client
 * writes, so every field has two sides: how readers read it (a missing or wrong value reads as
 * a safe default) and whether the server lets a writer store a value (and why not).
 */
export interface FieldRule<T> {
  read(value: unknown): T
  allows(value: unknown): boolean
  /** Why a value is refused, in words for the writer. */
  why: string
}

/** Every field of a record with its rule; the record's id is its key in the document, not a field. */
export type FieldTable<R> = { readonly [K in keyof R]-?: FieldRule<R[K]> }

/**
 * The rule of a field named by a client, looked up as the table's own property only, so that
 * names like `__proto__`, `constructor` or `toString` are unknown fields like any other.
 */
export function fieldRule<R>(table: FieldTable<R>, key: string): FieldRule<unknown> | null {
  return Object.hasOwn(table, key) ? (table as Record<string, FieldRule<unknown>>)[key]! : null
}

/** Reads a record's fields from its map, each by its rule. */
export function readFields<R>(table: FieldTable<R>, map: Y.Map<unknown>): R {
  const record: Record<string, unknown> = {}
  for (const [key, rule] of Object.entries<FieldRule<unknown>>(table)) record[key] = rule.read(map.get(key))
  return record as R
}

/** Reads an entry of a root map as a record, or null when the entry is not a map at all. */
export function readRecord<R>(table: FieldTable<R>, id: string, map: unknown): ({ id: string } & R) | null {
  return map instanceof Y.Map ? { id, ...readFields(table, map) } : null
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** Text up to `max` characters; longer text reads cut to the limit, anything else as `fallback`. */
export const text = (max: number, why: string, fallback = ''): FieldRule<string> => ({
  read: (value) => (isString(value) ? value.slice(0, max) : '') || fallback,
  allows: (value) => isString(value) && value.length <= max,
  why,
})

/** One of a list of words (a kind, a section); anything else reads as `fallback`. */
export const oneOf = <T extends string, F extends T | null>(allowed: readonly T[], why: string, fallback: F): FieldRule<T | F> => ({
  read: (value) => (allowed.includes(value as T) ? (value as T) : fallback),
  allows: (value) => allowed.includes(value as T) || (fallback === null && value === null),
  why,
})

/** A list of at most `max` strings of at most `itemMax` characters, each one of `allowed` when given. */
export const listOf = <T extends string>(allowed: readonly T[] | null, max: number, itemMax: number, why: string): FieldRule<T[]> => {
  const known = (value: unknown): value is T => isString(value) && (!allowed || allowed.includes(value as T))
  return {
    read: (value) => (Array.isArray(value) ? value.filter(known).slice(0, max) : []),
    allows: (value) => Array.isArray(value) && value.length <= max && value.every((v) => known(v) && v.length <= itemMax),
    why,
  }
}

/** The id of another record, or null for none. */
export const reference = (why: string): FieldRule<string | null> => ({
  read: (value) => (isString(value) && value ? value : null),
  allows: (value) => value === null || (isString(value) && value.length <= 64),
  why,
})

/** A time in milliseconds; anything else reads as 0. */
export const time = (why = 'bad time'): FieldRule<number> => ({
  read: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0),
  allows: (value) => typeof value === 'number' && Number.isFinite(value),
  why,
})

/** An object written as one plain value (not a shared map), such as JSON gives: no array, no class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Several fields kept as one plain value, each by its own rule: a field left out reads as its
 * rule's default, and a field the table does not own is refused.
 */
export const record = <R>(table: FieldTable<R>, why: string): FieldRule<Partial<R>> => ({
  read: (value) => {
    const fields: Record<string, unknown> = {}
    if (!isPlainObject(value)) return fields as Partial<R>
    for (const key of Object.keys(value)) {
      const rule = fieldRule(table, key)
      if (rule) fields[key] = rule.read(value[key])
    }
    return fields as Partial<R>
  },
  allows: (value) => isPlainObject(value) && Object.entries(value).every(([key, field]) => fieldRule(table, key)?.allows(field) === true),
  why,
})

/** A yes or no; anything but true reads as false. */
export const flag = (why: string): FieldRule<boolean> => ({
  read: (value) => value === true,
  allows: (value) => typeof value === 'boolean',
  why,
})

/** Every entry of a root map that reads as a record, sorted by `order` and then by id, so every client shows the same order. */
export function listRecords<R extends { id: string }, V>(
  root: Y.Map<V>,
  read: (id: string, map: unknown) => R | null,
  order: (record: R) => number,
): R[] {
  const records: R[] = []
  root.forEach((map, id) => {
    const record = read(id, map)
    if (record) records.push(record)
  })
  return records.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id))
}

/** Writes a record as a new map under its id in a root map (inside the caller's transaction). */
export function putRecord(root: Y.Map<Y.Map<unknown>>, record: { id: string }): void {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(record)) if (key !== 'id') map.set(key, value)
  root.set(record.id, map)
}
