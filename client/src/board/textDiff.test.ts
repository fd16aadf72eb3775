import { describe, expect, it } from 'vitest'
import { textDiff, type TextSplice } from './textDiff'

const apply = (text: string, s: TextSplice | null) => (s ? text.slice(0, s.index) + s.insert + text.slice(s.index + s.remove) : text)

describe('text diff', () => {
  it('finds the one splice between two texts', () => {
    expect(textDiff('same', 'same')).toBeNull()
    expect(textDiff('Trust grows', 'Trust slowly grows')).toEqual({ index: 6, remove: 0, insert: 'slowly ' })
    expect(textDiff('abc', '')).toEqual({ index: 0, remove: 3, insert: '' })
    expect(textDiff('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' })
  })

  it('always turns the first text into the second, emoji included', () => {
    const pairs: [string, string][] = [
      ['', 'x'], ['ab', 'ba'], ['a😀b', 'a😁b'], ['😀', '😁'], ['x😀', 'x'], ['hello world', 'help world!'],
    ]
    for (const [a, b] of pairs) {
      const splice = textDiff(a, b)
      expect(apply(a, splice)).toBe(b)
      if (splice) expect(splice.insert.charCodeAt(0) >= 0xdc00 && splice.insert.charCodeAt(0) <= 0xdfff).toBe(false)
    }
  })
})
