/**
 * Keeps the previous object for every record whose fields did not change, so memoised card
 * components skip re-rendering: a remote edit of one card among 200 re-renders one card.
 * Returns `prev` itself when nothing changed at all.
 */
export function reconcile<T extends { id: string }>(prev: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(prev.map((item) => [item.id, item]))
  let same = prev.length === next.length
  const merged = next.map((item, i) => {
    const old = byId.get(item.id)
    const kept = old && shallowEqual(old, item) ? old : item
    if (kept !== prev[i]) same = false
    return kept
  })
  return same ? (prev as T[]) : merged
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((key) => valueEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

function valueEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return Object.is(a, b)
}
