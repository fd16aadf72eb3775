import { Decoder, Encoder, PacketType } from 'socket.io-parser'

/** How socket.io writes a 'people:changed' event in the default namespace. */
const PEOPLE_LIST = '2["people:changed",'

/**
 * socket.io's own parser, except that people changes ('people:changed', the people who
 * arrived or left in each burst) are counted and not decoded. A browser decodes only its
 * own copy; 500 receivers in one process decoding theirs would make the bench measure its own
 * JSON.parse rather than the server. Everything else is decoded as usual.
 */
export function skimmingParser(onPeopleList: (bytes: number) => void) {
  class SkimmingDecoder extends Decoder {
    override add(obj: unknown): void {
      if (typeof obj === 'string' && obj.startsWith(PEOPLE_LIST)) {
        onPeopleList(obj.length)
        this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['people:changed', null] })
        return
      }
      super.add(obj)
    }
  }
  return { Encoder, Decoder: SkimmingDecoder }
}
