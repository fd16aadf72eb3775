import type { SyncSample } from './clockOffset'
import { bestOffset, type ClockOffset } from './clockOffset'

/** Asks the server for its time once; resolves with what it answered, or rejects. */
export type Ping = (clientSentAt: number) => Promise<{ clientSentAt: number; serverNow: number }>

/** Round trips per measurement: enough that one is usually unqueued, few enough to be quick. */
export const SYNC_ROUNDS = 5

/**
 * Runs a few round trips one after another (in parallel they would queue behind each other)
 * and returns the offset of the quickest. Failed trips are skipped; null if all failed.
 */
export async function measureOffset(ping: Ping, rounds = SYNC_ROUNDS, now: () => number = Date.now): Promise<ClockOffset | null> {
  const samples: SyncSample[] = []
  for (let i = 0; i < rounds; i++) {
    const sentAt = now()
    try {
      const answer = await ping(sentAt)
      samples.push({ sentAt: answer.clientSentAt, receivedAt: now(), serverNow: answer.serverNow })
    } catch {
      // A lost trip tells us nothing; the others still do.
    }
  }
  return bestOffset(samples)
}
