/**
 * One clock for every process of the bench: the system's monotonic clock, which all processes on
 * this machine share, in milliseconds. A send time taken in one process and a receive time taken
 * in another can be subtracted directly.
 */
export const benchNow = (): number => Number(process.hrtime.bigint()) / 1e6

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
