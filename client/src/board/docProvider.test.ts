import { describe, expect, it } from 'vitest'
import { BOARD_CLOSE } from '@harvest/shared'
import { closeMeaning } from './docProvider'

describe('close codes', () => {
  it('reopens on a fresh copy after a refused change, a too large or a malformed frame', () => {
    expect(closeMeaning(BOARD_CLOSE.refused.code)).toBe('rejected')
    expect(closeMeaning(BOARD_CLOSE.tooLarge.code)).toBe('rejected')
    expect(closeMeaning(BOARD_CLOSE.malformed.code)).toBe('rejected')
    expect(closeMeaning(1009)).toBe('rejected')
  })

  it('stops for good when the server refuses the connection itself', () => {
    for (const close of [BOARD_CLOSE.unauthorized, BOARD_CLOSE.wrongSession, BOARD_CLOSE.removed]) {
      expect(closeMeaning(close.code)).toBe('refused')
    }
  })

  it('waits and sends the same copy again after sending changes too fast', () => {
    expect(closeMeaning(BOARD_CLOSE.rateLimited.code)).toBe('throttled')
  })

  it('leaves the network and a role change to the provider’s own retry', () => {
    expect(closeMeaning(BOARD_CLOSE.roleChanged.code)).toBe('transient')
    expect(closeMeaning(1006)).toBe('transient')
    expect(closeMeaning(1011)).toBe('transient')
  })

  it('comes back by itself after the server said it restarts (1012)', () => {
    expect(closeMeaning(BOARD_CLOSE.restarting.code)).toBe('transient')
  })
})
