/**
 * Which of one client's runs of clocks holds `clock`, by binary search: `runs` are positions in
 * clock order whose runs do not overlap, `start` and `length` read a position's run. Returns
 * the position, or -1. Both the inspection and the byte scan find an item's parent this way, so
 * a lookup costs log n whatever the update's shape.
 */
export function findRun(runs: readonly number[], clock: number, start: (at: number) => number, length: (at: number) => number): number {
  let low = 0
  let high = runs.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    const at = runs[mid]!
    const from = start(at)
    if (clock < from) high = mid - 1
    else if (clock >= from + length(at)) low = mid + 1
    else return at
  }
  return -1
}
