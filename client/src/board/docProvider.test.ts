import { describe, expect, it } from 'vitest'
import { BOARD_CLOSE } from '@harvest/shared'
import { closeMeaning, unsavedNotice } from './docProvider'

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
    // The store's trouble: the change was not saved, and is sent again after the same pause.
    expect(closeMeaning(BOARD_CLOSE.storeUnavailable.code)).toBe('unsaved')
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

describe('unsavedNotice', () => {
  it('gives the server’s reason and says the change is kept and sent again', () => {
    expect(unsavedNotice("the server's disk is full, so your change was not saved; what you see is safe")).toBe(
      "The server's disk is full, so your change was not saved; what you see is safe. Your change stays on this screen and is sent again as soon as the server can save it.",
    )
    expect(unsavedNotice('')).toMatch(/^The server cannot save changes right now\. Your change stays/)
  })
})
