import { describe, expect, it } from 'vitest'
import { fitCloseReason } from './documentEndpoint'

describe('a close reason', () => {
  it('is sent whole up to the 123 bytes a WebSocket close frame holds, and cut with an ellipsis beyond, counting bytes not letters', () => {
    expect(fitCloseReason('change refused')).toBe('change refused')
    const long = fitCloseReason('x'.repeat(500))
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(123)
    expect(long.endsWith('…')).toBe(true)
    expect(Buffer.byteLength(fitCloseReason('Łódź '.repeat(40)))).toBeLessThanOrEqual(123)
  })
})
