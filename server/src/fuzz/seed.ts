import fc from 'fast-check'

/**
 * The fuzz suites' fixed seed, so every run tries the same cases and a failure found once is
 * found again. FUZZ_SEED tries other cases; FUZZ_SEED with FUZZ_PATH (both printed on a
 * failure) replays exactly the failing one.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201)

/** fast-check's parameters for a suite of `numRuns` cases. */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  const path = process.env.FUZZ_PATH
  return { seed: FUZZ_SEED, numRuns, endOnFailure: true, ...(path ? { path } : {}) }
}

/**
 * Runs an asynchronous property with the suite's seed; on a failure the error names the seed
 * and path to replay it with, and the test file.
 */
export async function fuzz<Ts extends [unknown, ...unknown[]]>(file: string, numRuns: number, property: fc.IAsyncPropertyWithHooks<Ts>): Promise<void> {
  const details = await fc.check(property, fuzzParameters<Ts>(numRuns))
  if (!details.failed) return
  const replay = `replay with FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run ${file}`
  // Counterexamples may hold strings of hundreds of kilobytes: the report keeps their start.
  const report = (fc.defaultReportMessage(details) ?? "").replace(/(.)\1{200,}/g, (run, char: string) => `${char.repeat(20)}…(${run.length} × "${char}")`)
  throw new Error(`${report.slice(0, 4_000)}\n${replay}`)
}

/** Counts of what a suite saw, printed at its end for the record (cases, crashes, refusals by code). */
export class Tally {
  private counts = new Map<string, number>()

  add(what: string, by = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + by)
  }

  get(what: string): number {
    return this.counts.get(what) ?? 0
  }

  print(title: string): void {
    const lines = [...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([what, n]) => `  ${what}: ${n.toLocaleString('en')}`)
    console.log(`[fuzz] ${title} (seed ${FUZZ_SEED})\n${lines.join('\n')}`)
  }
}
