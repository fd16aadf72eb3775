import { describe, expect, it } from 'vitest'
import { PERMISSIONS, ROLES, ROLE_LABELS, can, isParticipant, type Action, type Role } from './roles'

describe('permissions', () => {
  it('every role can read the session', () => {
    for (const role of ROLES) expect(can(role, 'session:read')).toBe(true)
  })

  it('only the facilitator sees the invitation links', () => {
    expect(ROLES.filter((role) => can(role, 'invites:read'))).toEqual(['facilitator'])
  })

  it('everyone but the observer may write on the board', () => {
    expect(can('observer', 'board:write')).toBe(false)
    expect(ROLES.filter((role) => can(role, 'board:write'))).toEqual(['facilitator', 'harvester', 'participant'])
  })

  it('an unknown role can do nothing', () => {
    for (const action of Object.keys(PERMISSIONS) as Action[]) expect(can('intruder' as Role, action)).toBe(false)
  })

  it('every role has a label to show', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/^[A-Z]\w+$/)
  })
})

describe('isParticipant', () => {
  it('names the participants alone', () => {
    expect(ROLES.filter(isParticipant)).toEqual(['participant'])
  })
})
