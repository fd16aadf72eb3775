/** Machine-readable reasons a request was refused. */
export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'unauthorized' | 'conflict' | 'rate_limited' | 'unavailable' | 'internal'

/** Every acknowledgement carries either the result or a clear error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string }

/** The callback a client passes with each event. */
export type AckFn<T> = (response: Ack<T>) => void

/** Acknowledgement of an event that created something. */
export interface Created {
  id: string
}

/** Answer of 'time:sync': the client's send time echoed with the server's clock. */
export interface TimeSample {
  clientSentAt: number
  serverNow: number
}
