import WebSocket from 'ws'

/** The first byte of a y-websocket awareness message (the message type, a one-byte varint). */
const AWARENESS = 1

type MessageHandler = ((event: WebSocket.MessageEvent) => void) | null

/**
 * ws' WebSocket for a receiver's board provider, except that awareness messages (other people's
 * presence) are counted and not handed to the provider. A browser decodes only its own copy; 500
 * receivers in one process decoding every presence update would measure the bench's own CPU and
 * not the server (a first version's receivers fell seconds behind). What the server sends, and
 * what each client sends, stay the same. `onAwareness` also tells the provider the connection is
 * alive, as any message would. With `localAddress`, the connection leaves from that address.
 */
export function skimmingSocket(onAwareness: (bytes: number) => void, localAddress: string | null = null): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  // ws defines `onmessage` as an accessor on its prototype; each socket gets one in front of it.
  const inherited = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!
  const skim = (handler: (event: WebSocket.MessageEvent) => void) => (event: WebSocket.MessageEvent) => {
    const data = event.data
    if (data instanceof ArrayBuffer && data.byteLength > 0 && new Uint8Array(data, 0, 1)[0] === AWARENESS) return onAwareness(data.byteLength)
    handler(event)
  }
  return class SkimmingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      // A chosen source address lets nginx's address hash spread the bench's clients (loopbackAddress.ts).
      super(address, protocols, localAddress ? { localAddress } : undefined)
      Object.defineProperty(this, 'onmessage', {
        configurable: true,
        get: () => inherited.get!.call(this) as MessageHandler,
        set: (handler: MessageHandler) => inherited.set!.call(this, handler && skim(handler)),
      })
    }
  }
}
