/** One `time:sync` round trip, all in local and server epoch milliseconds. */
export interface SyncSample {
  /** Local clock when the request left. */
  sentAt: number
  /** Local clock when the answer arrived. */
  receivedAt: number
  /** Server clock when it answered. */
  serverNow: number
}

/** How far the server's clock is ahead of ours, and how sure we are of it. */
export interface ClockOffset {
  offsetMs: number
  /** Round trip of the sample the offset came from; the offset is off by at most half of it. */
  rttMs: number
}

/**
 * Assumes the server answered halfway through the round trip (NTP's assumption), so the
 * error is at most half the round trip.
 */
export function sampleOffset(sample: SyncSample): ClockOffset {
  const rttMs = Math.max(0, sample.receivedAt - sample.sentAt)
  return { offsetMs: sample.serverNow - (sample.sentAt + sample.receivedAt) / 2, rttMs }
}

/**
 * The offset of the quickest round trip: a slow trip was queued somewhere, most likely on one
 * leg only, which skews the halfway assumption. Returns null when there is no usable sample.
 */
export function bestOffset(samples: readonly SyncSample[]): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const sample of samples) {
    if (![sample.sentAt, sample.receivedAt, sample.serverNow].every(Number.isFinite)) continue
    if (sample.receivedAt < sample.sentAt) continue // the local clock jumped back mid-trip
    const candidate = sampleOffset(sample)
    if (!best || candidate.rttMs < best.rttMs) best = candidate
  }
  return best
}
