import type { ErrorCode } from '@harvest/shared'

/**
 * A request the server declines, with words for the person who made it. Thrown from anywhere
 * inside a handler; the socket wrapper turns it into an error acknowledgement and nothing is saved.
 */
export class Refusal extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
  ) {
    super(message)
  }
}

/** Finds an entry by id or refuses with a clear message. */
export function mustFind<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const found = list.find((entry) => entry.id === id)
  if (!found) throw new Refusal('not_found', `no such ${what}: it may have just been removed`)
  return found
}

/** Moves an entry of a list to a new index, clamped to the list. */
export function moveInList<T extends { id: string }>(list: T[], id: string, toIndex: number, what: string): void {
  const entry = mustFind(list, id, what)
  list.splice(list.indexOf(entry), 1)
  list.splice(Math.min(toIndex, list.length), 0, entry)
}
