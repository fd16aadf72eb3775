import { Decoder, Encoder, PacketType } from 'socket.io-parser'

/** How socket.io writes a 'members:changed' event in the default namespace. */
const PEOPLE_LIST = '2["members:changed",'

/**
 * socket.io's own parser, except that the people list ('members:changed', the whole list of
 * members on every arrival or departure) is counted and not decoded. A browser decodes only its
 * own copy; 500 receivers in one process decoding theirs would make the bench measure its own
 * JSON.parse rather than the server. Everything else is decoded as usual.
 */
export function skimmingParser(onPeopleList: (bytes: number) => void) {
  class SkimmingDecoder extends Decoder {
    override add(obj: unknown): void {
      if (typeof obj === 'string' && obj.startsWith(PEOPLE_LIST)) {
        onPeopleList(obj.length)
        this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['members:changed', null] })
        return
      }
      super.add(obj)
    }
  }
  return { Encoder, Decoder: SkimmingDecoder }
}
