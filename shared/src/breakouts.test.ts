import { describe, expect, it } from 'vitest'
import { describedRoomName } from './breakouts'

describe('describedRoomName', () => {
  it('names a room after its cities, most people first, after its number', () => {
    expect(describedRoomName(3, ['Leuven', 'Galway', 'Galway'])).toBe('Room 3 · Galway, Leuven')
    expect(describedRoomName(1, ['Kraków', 'Galway', 'Leuven', 'Cluj-Napoca'])).toBe('Room 1 · Cluj-Napoca, Galway +2')
  })

  it('falls back to the number when nobody names a city', () => {
    expect(describedRoomName(7, ['', '  '])).toBe('Room 7')
    expect(describedRoomName(2, [])).toBe('Room 2')
  })
})
