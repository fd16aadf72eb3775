import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Member, SessionState } from '../index'
import { PERMISSIONS } from '../roles'
import type { AckOf, ClientPayload, ClientToServerEvents } from './clientEvents'
import { clientEventSchemas, clientEvents } from './clientEvents'
import { boardEvents } from './board'
import { breakoutEvents } from './breakouts'
import { controlEvents } from './control'
import { sessionEvents } from './session'
import { surveyEvents } from './survey'

describe('the client events', () => {
  it('are each defined once, in one subject', () => {
    const names = [controlEvents, boardEvents, breakoutEvents, surveyEvents, sessionEvents].flatMap((events) => Object.keys(events))
    expect(new Set(names).size).toBe(names.length)
    expect(Object.keys(clientEvents)).toEqual(names)
    expect(Object.keys(clientEventSchemas)).toEqual(names)
  })

  it('each need a permission of the table, and name it by event', () => {
    for (const [event, definition] of Object.entries(clientEvents)) {
      expect(Object.hasOwn(PERMISSIONS, definition.needs), event).toBe(true)
      expect(clientEventSchemas[event as keyof typeof clientEventSchemas]).toBe(definition.input)
    }
    expect(clientEvents['clock:command'].needs).toBe('session:drive')
    expect(clientEvents['session:sync'].needs).toBe('session:read')
  })

  it('give the payload and acknowledgement types from the one definition', () => {
    expectTypeOf<AckOf<'session:sync'>>().toEqualTypeOf<SessionState>()
    expectTypeOf<AckOf<'member:update'>>().toEqualTypeOf<Member>()
    expectTypeOf<AckOf<'agenda:remove'>>().toEqualTypeOf<null>()
    expectTypeOf<ClientPayload<'vote:cast'>>().toEqualTypeOf<{ cardId: string; delta: 1 | -1 }>()
    expectTypeOf<Parameters<ClientToServerEvents['lead:set']>[0]>().toEqualTypeOf<{ memberId: string }>()
    // @ts-expect-error: no such event
    expectTypeOf<AckOf<'card:fly'>>().toBeNever()
  })
})
