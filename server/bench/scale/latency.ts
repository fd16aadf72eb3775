import { percentile } from '../stats'

/** A latency sample's summary; a delivery that never came counts as infinitely late. */
export interface Latency {
  expected: number
  delivered: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
}

/** The receiver processes' own event-loop delay (ms), the worst of them. */
export interface LoopDelay {
  p99: number
  max: number
}

const round = (value: number) => Math.round(value * 10) / 10

/** Percentiles over every delivery, the missing ones counted as never arriving (null). */
export function summarise(latencies: number[], expected: number): Latency {
  const sample = [...latencies, ...new Array<number>(Math.max(0, expected - latencies.length)).fill(Number.POSITIVE_INFINITY)]
  const at = (p: number) => {
    const value = percentile(sample, p)
    return Number.isFinite(value) ? round(value) : null
  }
  return { expected, delivered: latencies.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) }
}

export function worstDelay(replies: { arrivals: { loopDelay: LoopDelay } }[]): LoopDelay {
  return {
    p99: Math.max(...replies.map((r) => r.arrivals.loopDelay.p99)),
    max: Math.max(...replies.map((r) => r.arrivals.loopDelay.max)),
  }
}
