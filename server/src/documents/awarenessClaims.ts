import * as decoding from 'lib0/decoding'
import type { Peer } from './LiveDoc'

/** The client ids an awareness update speaks for, read without applying it. */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder))
    decoding.readVarUint(decoder) // clock
    decoding.readVarString(decoder) // state, as JSON
  }
  return ids
}

/**
 * Presence is only ever one's own: an update that speaks for a client id another connection
 * announced is ignored, so nobody can rewrite or remove someone else's presence.
 */
export function claimsOthers(update: Uint8Array, peer: Peer, owners: ReadonlyMap<number, Peer>): boolean {
  return awarenessClientIds(update).some((id) => {
    const owner = owners.get(id)
    return owner !== undefined && owner !== peer
  })
}
