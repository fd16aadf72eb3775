import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { awarenessClientIds, claimsOthers } from './awarenessClaims'
import type { Peer } from './LiveDoc'

const peer = (...ids: number[]): Peer => ({ kind: 'peer', send: () => {}, awarenessIds: new Set(ids) })

/** An awareness update that sets the presence of `clientId`, as a client would send it. */
function presenceOf(clientId: number, state: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state)
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId])
  awareness.destroy()
  return update
}

describe('presence claims', () => {
  it('reads the client ids an awareness update speaks for', () => {
    expect(awarenessClientIds(presenceOf(42, { name: 'Ann', area: 'plenary' }))).toEqual([42])
  })

  it('lets a connection set its own presence, or a new one, but not one another connection announced', () => {
    const ann = peer(42)
    const bob = peer(7)
    const owners = new Map([[42, ann], [7, bob]])
    expect(claimsOthers(presenceOf(42, { name: 'Ann' }), ann, owners)).toBe(false)
    expect(claimsOthers(presenceOf(99, { name: 'new tab' }), bob, owners)).toBe(false)
    expect(claimsOthers(presenceOf(42, { name: 'not Ann' }), bob, owners)).toBe(true)
  })
})
