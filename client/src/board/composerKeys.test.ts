import { describe, expect, it } from 'vitest'
import { CARD_KINDS } from '@harvest/shared'
import { composerShortcut, defaultKind, inPhase, kindAt, kindHint, kindKey, leverHint, toggleLever } from './composerKeys'

const key = (code: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
  altKey: true, shiftKey: false, ctrlKey: false, metaKey: false, code, ...mods,
})

describe('composer keys', () => {
  it('keeps one key per kind in every phase, highlights the phase’s kinds and preselects the first of them', () => {
    expect(kindAt(0)).toBe('outcome')
    expect(kindAt(2)).toBe('challenge')
    expect(kindAt(6)).toBe('idea')
    expect(kindAt(9)).toBe('risk_or_need')
    expect(kindAt(10)).toBeNull()
    expect(kindKey('challenge')).toBe('Alt+3')
    expect(kindKey('risk_or_need')).toBe('Alt+0')
    expect(CARD_KINDS.filter((k) => inPhase(k, 'so_what'))).toEqual(['challenge', 'insight', 'possibility', 'blind_spot'])
    expect(CARD_KINDS.filter((k) => inPhase(k, null))).toEqual([...CARD_KINDS])
    expect(inPhase('idea', 'what')).toBe(false)
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
