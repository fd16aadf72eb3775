import { describe, expect, it } from 'vitest'
import { nextTabIndex } from './nextTabIndex'

describe('nextTabIndex', () => {
  it('steps right and left, wrapping at the ends', () => {
    expect(nextTabIndex('ArrowRight', 0, 4)).toBe(1)
    expect(nextTabIndex('ArrowRight', 3, 4)).toBe(0)
    expect(nextTabIndex('ArrowLeft', 2, 4)).toBe(1)
    expect(nextTabIndex('ArrowLeft', 0, 4)).toBe(3)
  })

  it('jumps to the first and last tab with Home and End', () => {
    expect(nextTabIndex('Home', 2, 4)).toBe(0)
    expect(nextTabIndex('End', 1, 4)).toBe(3)
  })

  it('starts from the ends when no tab is selected', () => {
    expect(nextTabIndex('ArrowRight', -1, 3)).toBe(0)
    expect(nextTabIndex('ArrowLeft', -1, 3)).toBe(2)
  })

  it('stays put with a single tab and leaves other keys alone', () => {
    expect(nextTabIndex('ArrowRight', 0, 1)).toBe(0)
    expect(nextTabIndex('ArrowLeft', 0, 1)).toBe(0)
    expect(nextTabIndex('ArrowUp', 1, 4)).toBeNull()
    expect(nextTabIndex('Enter', 1, 4)).toBeNull()
    expect(nextTabIndex('a', 1, 4)).toBeNull()
  })

  it('does nothing without tabs', () => {
    expect(nextTabIndex('ArrowRight', -1, 0)).toBeNull()
    expect(nextTabIndex('Home', -1, 0)).toBeNull()
  })
})
