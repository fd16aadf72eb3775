import { describe, expect, it } from 'vitest'
import { CARD_KINDS } from '@harvest/shared'
import { composerShortcut, defaultKind, kindHint, kindOrder, leverHint, toggleLever } from './composerKeys'

const key = (code: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  altKey: true, shiftKey: false, ctrlKey: false, metaKey: false, code, ...mods,
})

describe('composer keys', () => {
  it('offers the current phase’s kinds first and preselects the first of them', () => {
    expect(kindOrder('so_what').slice(0, 4)).toEqual(['challenge', 'insight', 'possibility', 'blind_spot'])
    expect(kindOrder('so_what')).toHaveLength(CARD_KINDS.length)
    expect(kindOrder('now_what')[0]).toBe('idea')
    expect(kindOrder(null)).toEqual([...CARD_KINDS])
    expect(defaultKind('so_what')).toBe('challenge')
    expect(defaultKind('what')).toBe('outcome')
    expect(defaultKind('none')).toBeNull()
    expect(defaultKind(null)).toBeNull()
  })

  it('reads Alt+digit as a kind and Alt+Shift+digit as a lever, by physical key', () => {
    expect(composerShortcut(key('Digit1'))).toEqual({ type: 'kind', index: 0 })
    expect(composerShortcut(key('Digit0'))).toEqual({ type: 'kind', index: 9 })
    expect(composerShortcut(key('Numpad3'))).toEqual({ type: 'kind', index: 2 })
    expect(composerShortcut(key('Digit6', { shiftKey: true }))).toEqual({ type: 'lever', index: 5 })
    expect(composerShortcut(key('Digit7', { shiftKey: true }))).toBeNull()
    expect(composerShortcut(key('Digit1', { altKey: false }))).toBeNull()
    expect(composerShortcut(key('Digit1', { ctrlKey: true }))).toBeNull()
    expect(composerShortcut(key('KeyA'))).toBeNull()
  })

  it('prints the hints the shortcuts follow', () => {
    expect(kindHint(0)).toBe('Alt+1')
    expect(kindHint(9)).toBe('Alt+0')
    expect(leverHint(5)).toBe('Alt+Shift+6')
  })

  it('toggles levers, keeping the programme’s order', () => {
    expect(toggleLever(['finance'], 'technology')).toEqual(['technology', 'finance'])
    expect(toggleLever(['technology', 'finance'], 'technology')).toEqual(['finance'])
  })
})
