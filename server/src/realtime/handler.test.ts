import { describe, expect, it } from 'vitest'
import { readArguments } from './handler'

describe('readArguments', () => {
  const callback = () => {}

  it('takes the first argument as the payload and the last function as the callback', () => {
    expect(readArguments([{ a: 1 }, callback])).toEqual({ raw: { a: 1 }, reply: callback })
    expect(readArguments([{ a: 1 }, 'extra', 2, callback])).toEqual({ raw: { a: 1 }, reply: callback })
  })

  it('reads a lone callback as no payload, and no callback as a reply that goes nowhere', () => {
    expect(readArguments([callback])).toEqual({ raw: undefined, reply: callback })
    const { raw, reply } = readArguments([{ a: 1 }])
    expect(raw).toEqual({ a: 1 })
    expect(reply).not.toBe(callback)
    expect(() => reply({ ok: true, data: null })).not.toThrow()
  })
})
