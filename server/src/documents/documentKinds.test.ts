import * as Y from 'yjs'
import { BOARD_ENDED_REASON, migrateBoard, type ControlState, type Identity, type Role } from '@harvest/shared'
import { describe, expect, it } from 'vitest'
import { deepNesting } from '../fuzz/hostileUpdates'
import type { DecodedUpdate } from '../boardRules/inspectUpdate'
import { BOARD_DOCUMENT } from './documentKinds'

const identity = (role: Role): Identity => ({
  kind: 'member',
  sessionId: 's1',
  role,
  member: { id: 'ann', sessionId: 's1', name: 'Ann', role, city: 'Galway', cityKind: 'pilot', joinedAt: 0 },
})

/** A decoding the check may not read: reading it fails the test, proving the refusal came from the bytes. */
const unread: DecodedUpdate = {
  get structs(): never {
    throw new Error('the check decoded the update')
  },
  get ds(): never {
    throw new Error('the check decoded the update')
  },
}

describe('the board document’s check of a large frame', () => {
  const doc = new Y.Doc()
  migrateBoard(doc)
  // Near the 1 MB frame limit: Yjs alone takes some 150 ms of CPU to decode it.
  const deep = deepNesting(doc, 78_000)
  const running = () => ({ endedAt: null }) as unknown as ControlState
  const ended = () => ({ endedAt: 1 }) as unknown as ControlState

  it('refuses nested maps from a participant from the bytes alone, with the reason of the full check', () => {
    const check = BOARD_DOCUMENT.access(identity('participant'), 'secret', running).check!
    expect(check(doc, deep, unread)).toBe('this change does not fit the board')
    expect(check(doc, deepNesting(doc, 50), Y.decodeUpdate(deepNesting(doc, 50)))).toBe('this change does not fit the board')
  }, 120_000)

  it('refuses a participant’s large change after the end from the bytes alone, as it does a small one', () => {
    const check = BOARD_DOCUMENT.access(identity('participant'), 'secret', ended).check!
    expect(check(doc, deep, unread)).toBe(BOARD_ENDED_REASON)
    expect(check(doc, deepNesting(doc, 50), Y.decodeUpdate(deepNesting(doc, 50)))).toBe(BOARD_ENDED_REASON)
  }, 120_000)

  it('checks a harvester’s large change in full, as the rules let those who curate write what the board does not explain', () => {
    const check = BOARD_DOCUMENT.access(identity('harvester'), 'secret', running).check!
    expect(check(doc, deep, Y.decodeUpdate(deep))).toBeNull()
  }, 120_000)
})
