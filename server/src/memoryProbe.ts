import v8 from 'node:v8'
import vm from 'node:vm'

/** The variable that turns the probe on; only the scale bench sets it, with an IPC channel. */
export const MEMORY_PROBE_ENV = 'HARVEST_MEMORY_PROBE'

/** What is live in the process after a full collection, and its resident memory then (bytes). */
export interface LiveMemory {
  /** JavaScript objects that survived the collection. */
  heapUsed: number
  /** Memory outside the heap that those objects hold (Buffers and other array buffers among it). */
  external: number
  rss: number
}

/** The question and the answer, as they travel over the IPC channel. */
export const MEMORY_QUESTION = 'memory?'
export type MemoryAnswer = { memory: LiveMemory }

/**
 * Answers the parent process' `memory?` with what is live after a full collection. Resident
 * memory alone counts garbage the collector has not reached yet and the heap it keeps for later,
 * so the bench asks for both. Runs only when the parent asks for it (MEMORY_PROBE_ENV) and
 * listens on an IPC channel; the channel does not keep the process alive.
 */
export function answerMemoryProbes(): void {
  if (!process.send || !process.channel) return
  process.channel.unref()
  process.on('message', (message) => {
    if (message !== MEMORY_QUESTION) return
    collectGarbage()
    const { heapUsed, external, rss } = process.memoryUsage()
    process.send?.({ memory: { heapUsed, external, rss } } satisfies MemoryAnswer)
  })
}

let gc: (() => void) | null = null

function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc
    if (exposed) gc = exposed
    else {
      // Started without --expose-gc: V8 hands the function to a new context once the flag is set.
      v8.setFlagsFromString('--expose-gc')
      gc = vm.runInNewContext('gc') as () => void
    }
  }
  gc()
}
