import type { Ack, ErrorCode } from '@harvest/shared'

/** The data of an accepted acknowledgement; fails the test with the server's message otherwise. */
export function accepted<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error} ${ack.message}`)
  return ack.data
}

/** The message of a refusal with this code; fails the test if the server accepted or refused otherwise. */
export function refusedWith(ack: Ack<unknown>, code: ErrorCode): string {
  if (ack.ok) throw new Error(`expected a refusal (${code}), but the server accepted`)
  if (ack.error !== code) throw new Error(`expected ${code}, got ${ack.error}: ${ack.message}`)
  return ack.message
}
