import { beforeEach, describe, expect, it } from 'vitest'
import type { PresentMember, SessionState } from '@harvest/shared'
import { useSessionStore } from './useSessionStore'

const state = (role: SessionState['you']['role'], authorKey: string | null): SessionState =>
  ({ you: { role, memberId: 'm1', authorKey } }) as SessionState

describe('useSessionStore.setYou', () => {
  beforeEach(() => useSessionStore.setState({ state: state('participant', 'm1'), boardEpoch: 0 }))

  it('reopens the board when the role changes, so the new write rights apply', () => {
    useSessionStore.getState().setYou({ role: 'observer', memberId: 'm1', authorKey: null })
    expect(useSessionStore.getState().boardEpoch).toBe(1)
    expect(useSessionStore.getState().state?.you.role).toBe('observer')
  })

  it('keeps the board open when only the author key changes (anonymous mode switched)', () => {
    useSessionStore.getState().setYou({ role: 'participant', memberId: 'm1', authorKey: 'anon:abc' })
    expect(useSessionStore.getState().boardEpoch).toBe(0)
    expect(useSessionStore.getState().state?.you.authorKey).toBe('anon:abc')
  })
})

describe('useSessionStore.setState', () => {
  it('keeps only what no other store owns: no control state, no vote', () => {
    const full = { ...state('participant', 'm1'), session: {}, members: [], invites: null, control: { rounds: [] }, vote: null, serverNow: 1 }
    useSessionStore.getState().setState(full as unknown as SessionState)
    expect(Object.keys(useSessionStore.getState().state ?? {}).sort()).toEqual(['invites', 'members', 'session', 'you'])
  })
})

describe('useSessionStore.changePeople', () => {
  const person = (id: string, online: boolean) => ({ id, name: id, online }) as unknown as PresentMember

  it('applies arrivals, departures and removals to the list of the last state, and ignores changes before any state', () => {
    useSessionStore.setState({ state: null })
    useSessionStore.getState().changePeople({ changed: [person('early', true)], removed: [] })
    expect(useSessionStore.getState().state).toBeNull()

    const full = { ...state('participant', 'm1'), session: {}, members: [person('m1', true), person('m2', true)], invites: null }
    useSessionStore.getState().setState(full as unknown as SessionState)
    useSessionStore.getState().changePeople({ changed: [person('m2', false), person('m3', true)], removed: [] })
    useSessionStore.getState().changePeople({ changed: [], removed: ['m1'] })
    expect(useSessionStore.getState().state?.members.map((m) => [m.id, m.online])).toEqual([
      ['m2', false],
      ['m3', true],
    ])
  })
})
