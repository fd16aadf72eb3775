import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@harvest/shared'
import { useSessionStore } from './stores/useSessionStore'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let socket: ClientSocket | null = null

/**
 * The only module that touches socket.io: it connects with the session token, registers every
 * listener and writes what arrives into the stores.
 */
export function connectSession(token: string): void {
  disconnectSession()
  const store = useSessionStore.getState()
  store.reset()
  const s: ClientSocket = io({ auth: { token }, transports: ['websocket', 'polling'] })
  socket = s

  s.on('connect', () => useSessionStore.getState().setStatus('online'))
  s.on('disconnect', (reason) => {
    // A server-side disconnect is deliberate (e.g. the person was removed); socket.io won't retry it.
    useSessionStore.getState().setStatus(reason === 'io server disconnect' ? 'refused' : 'offline',
      reason === 'io server disconnect' ? 'the server closed this connection' : null)
  })
  s.on('connect_error', (error) => {
    // Refusals of the token are final; anything else is the network, and socket.io retries.
    if (s.active) useSessionStore.getState().setStatus('offline')
    else useSessionStore.getState().setStatus('refused', error.message)
  })
  s.on('session:state', (state) => useSessionStore.getState().setState(state))
  s.on('members:changed', (members) => useSessionStore.getState().setMembers(members))
}

export function disconnectSession(): void {
  socket?.disconnect()
  socket = null
}

/** Sends a profile change; resolves with the server's error message, or null on success. */
export async function updateProfile(patch: { name?: string; city?: string }): Promise<string | null> {
  if (!socket) return 'not connected'
  const reply = await socket.timeout(5000).emitWithAck('member:update', patch).catch(() => null)
  if (!reply) return 'the server did not answer; try again'
  return reply.ok ? null : reply.message
}
